import type { Metadata } from "next";
import { SettingsEditor } from "../../../components/settings/settings-editor";
import { StageTabs } from "../../../components/settings/stage-tabs";

export async function generateMetadata({ params }: { params: Promise<{ stage: string }> }): Promise<Metadata> {
  return { title: `Settings: ${(await params).stage}` };
}

export default async function StageSettingsPage({ params }: { params: Promise<{ stage: string }> }) {
  const { stage } = await params;
  return (
    <>
      <h1>Settings: {stage}</h1>
      <StageTabs current={stage} />
      <SettingsEditor stage={stage} />
    </>
  );
}
