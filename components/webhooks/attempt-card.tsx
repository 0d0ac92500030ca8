"use client";

import { useTranslations } from "next-intl";
import { useDisplayFormatter } from "@/lib/admin/format/client";
import type { AttemptView } from "./delivery-rows";

/**
 * One attempt to send something to an outside address: its response status, duration, error,
 * request headers and response body. The webhook delivery log and the app callback log use it.
 */
export function AttemptCard({ attempt, level = 4 }: { attempt: AttemptView; level?: 4 | 6 }) {
  const t = useTranslations("webhooks.detail");
  const format = useDisplayFormatter();
  const Heading = level === 4 ? "h4" : "h6";
  const ok =
    attempt.responseStatus !== null &&
    attempt.responseStatus >= 200 &&
    attempt.responseStatus < 300;
  return (
    <article
      aria-label={t("attempt", { number: attempt.number })}
      className="flex flex-col gap-3 rounded-lg border border-border p-3"
    >
      <header className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <Heading className="font-medium">
          {t("attempt", { number: format.number(attempt.number) })}
        </Heading>
        <time dateTime={attempt.created.iso} className="text-xs text-muted-foreground">
          {attempt.created.text}
        </time>
      </header>
      <dl className="grid grid-cols-2 gap-3 text-sm">
        <div className="flex flex-col gap-0.5">
          <dt className="text-muted-foreground">{t("responseStatus")}</dt>
          <dd
            className={ok ? "font-mono font-medium" : "font-mono font-medium text-destructive"}
            data-testid="attempt-status"
          >
            {attempt.responseStatus ?? t("noResponse")}
          </dd>
        </div>
        <div className="flex flex-col gap-0.5">
          <dt className="text-muted-foreground">{t("duration")}</dt>
          <dd className="font-medium">
            {t("durationValue", { ms: format.number(attempt.durationMs) })}
          </dd>
        </div>
      </dl>
      {attempt.error ? (
        <p className="text-sm text-destructive">
          <span className="font-medium">{t("error")}: </span>
          <bdi dir="ltr">{attempt.error}</bdi>
        </p>
      ) : null}
      <details className="group text-sm">
        <summary className="cursor-pointer font-medium text-primary">{t("requestHeaders")}</summary>
        <dl
          dir="ltr"
          className="mt-2 grid gap-x-3 gap-y-1 rounded-lg bg-muted p-3 font-mono text-xs sm:grid-cols-[auto_1fr]"
        >
          {Object.entries(attempt.requestHeaders).map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="text-muted-foreground">{name}</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
        </dl>
      </details>
      <div className="flex flex-col gap-1 text-sm">
        <span className="font-medium">{t("responseBody")}</span>
        {attempt.responseBody ? (
          <pre
            dir="ltr"
            tabIndex={0}
            className="max-h-40 overflow-auto rounded-lg bg-muted p-3 font-mono text-xs break-all whitespace-pre-wrap"
          >
            {attempt.responseBody}
          </pre>
        ) : (
          <span className="text-muted-foreground">{t("emptyResponse")}</span>
        )}
      </div>
    </article>
  );
}

/** Every attempt, newest first, under a heading that counts them (h3, or h5 inside a card's h4). */
export function AttemptsSection({
  id,
  attempts,
  level = 3,
}: {
  id: string;
  attempts: AttemptView[];
  level?: 3 | 5;
}) {
  const t = useTranslations("webhooks.detail");
  const Heading = level === 3 ? "h3" : "h5";
  return (
    <section className="flex flex-col gap-3" aria-labelledby={id}>
      <Heading id={id} className="text-sm font-semibold">
        {t("attempts", { count: attempts.length })}
      </Heading>
      {attempts.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("noAttempts")}</p>
      ) : (
        <ol className="flex flex-col gap-3">
          {attempts.map((attempt) => (
            <li key={attempt.id}>
              <AttemptCard attempt={attempt} level={level === 3 ? 4 : 6} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
