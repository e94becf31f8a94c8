import type { Metadata } from "next";
import { SubmitForm } from "../../components/submit-form/submit-form";

export const metadata: Metadata = { title: "Submit a structure" };

export default function SubmitPage() {
  return (
    <>
      <h1>Submit a structure</h1>
      <p className="muted">
        The file is checked and previewed first: nothing is stored until you submit, and a structure that is already
        in the library is not stored twice.
      </p>
      <SubmitForm />
    </>
  );
}
