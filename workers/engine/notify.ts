/**
 * LISTEN/NOTIFY channels that wake feeders early (they also tick on a timer, so a lost
 * notification only delays work). Payloads: a table name, or a stage name.
 */
export const NOTIFY_INPUTS = "hopscape_inputs";
export const NOTIFY_RUN_FINISHED = "hopscape_run_finished";
export const NOTIFY_SETTINGS = "hopscape_settings";
