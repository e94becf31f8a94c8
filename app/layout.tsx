import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteNav } from "../components/nav/site-nav";
import { TRPCReactProvider } from "../components/trpc/trpc-provider";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "hopscape", template: "%s · hopscape" },
  description: "High-throughput screening of fluoride-ion diffusion in crystals",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <TRPCReactProvider>
          <SiteNav />
          <main className="page">{children}</main>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
