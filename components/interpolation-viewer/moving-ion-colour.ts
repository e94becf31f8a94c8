/** The moving ion's colour: a magenta no element has in the Jmol scheme, so it cannot be mistaken for an atom. */
export const MOVING_ION_COLOUR = "#d6247c";
