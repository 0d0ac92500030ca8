"use client";

// Replaces the root layout when it fails, so no translations, styles or fonts are available:
// a plain bilingual message is the most that can be relied on.
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body
        style={{ fontFamily: "system-ui, sans-serif", padding: "4rem 1.5rem", textAlign: "center" }}
      >
        <h1>Something went wrong</h1>
        <p lang="ar" dir="rtl">
          حدث خطأ ما
        </p>
        <button type="button" onClick={() => retry()}>
          Try again · إعادة المحاولة
        </button>
      </body>
    </html>
  );
}
