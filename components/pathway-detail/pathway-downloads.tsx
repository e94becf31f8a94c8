import styles from "../structure-detail/structure-detail.module.css";

/** The image band as files (served by app/pathways/[id]/download). */
export function PathwayDownloads({ id, imageCount }: { id: number; imageCount: number }) {
  const href = (format: string) => `/pathways/${id}/download?format=${format}`;
  return (
    <div className={styles.downloads} style={{ flexWrap: "wrap" }}>
      <a className="button secondary" href={href("cif")} download title={`${imageCount} data blocks, one per image`}>
        Images (CIF)
      </a>
      <a className="button secondary" href={href("xyz")} download title={`${imageCount} frames`}>
        Trajectory (XYZ)
      </a>
      <a className="button secondary" href={href("poscar")} download title="00 … POSCARs of a VASP NEB run, zipped">
        POSCARs (zip)
      </a>
    </div>
  );
}
