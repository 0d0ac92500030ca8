"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { cn } from "@/lib/cn";
import { Link, usePathname } from "@/lib/admin/i18n/navigation";
import { SETTINGS_SECTIONS, type SettingsSection } from "./sections";

/** Which ends of a sideways scroller hide more: in RTL scrollLeft runs from 0 to negative. */
function useScrollEdges() {
  const ref = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState({ start: false, end: false });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const offset = Math.abs(el.scrollLeft);
      const rest = el.scrollWidth - el.clientWidth - offset;
      setEdges({ start: offset > 1, end: rest > 1 });
    };
    update();
    el.addEventListener("scroll", update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => {
      el.removeEventListener("scroll", update);
      observer.disconnect();
    };
  }, []);
  return { ref, edges };
}

/**
 * The settings sub-navigation: tabs along the top. On a phone they scroll sideways; a fade at
 * whichever edge hides more tabs says so, and the current tab is scrolled into view.
 */
export function SettingsNav({ keys }: { keys: SettingsSection["key"][] }) {
  const t = useTranslations("settings.nav");
  const pathname = usePathname();
  const sections = SETTINGS_SECTIONS.filter((section) => keys.includes(section.key));
  const { ref, edges } = useScrollEdges();

  useEffect(() => {
    const current = ref.current?.querySelector<HTMLElement>('[aria-current="page"]');
    current?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [pathname, ref]);

  return (
    <nav aria-label={t("label")} className="relative -mx-4 md:mx-0">
      <div ref={ref} className="overflow-x-auto px-4 [scrollbar-width:none] md:px-0">
        <ul className="flex min-w-max gap-1 border-b border-border">
          {sections.map((section) => {
            const active = pathname === section.href || pathname.startsWith(`${section.href}/`);
            const Icon = section.icon;
            return (
              <li key={section.key}>
                <Link
                  href={section.href}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "-mb-px flex scroll-mx-8 items-center gap-2 border-b-2 px-3 py-2.5 text-sm font-medium transition-colors",
                    active
                      ? "border-primary text-primary-soft-foreground"
                      : "border-transparent text-muted-foreground hover:border-border hover:text-foreground",
                  )}
                >
                  <Icon aria-hidden className="size-4 shrink-0" />
                  {t(`items.${section.key}`)}
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
      {/* The cue: the page's background fading in over the tabs cut off at that edge. */}
      <ScrollCue edge="start" shown={edges.start} />
      <ScrollCue edge="end" shown={edges.end} />
    </nav>
  );
}

function ScrollCue({ edge, shown }: { edge: "start" | "end"; shown: boolean }) {
  return (
    <span
      aria-hidden
      data-scroll-cue={edge}
      className={cn(
        "pointer-events-none absolute inset-y-0 w-10 from-background transition-opacity",
        // A gradient towards the middle: rightwards from the start edge in LTR, mirrored in RTL.
        edge === "start"
          ? "start-0 bg-linear-to-r rtl:bg-linear-to-l"
          : "end-0 bg-linear-to-l rtl:bg-linear-to-r",
        shown ? "opacity-100" : "opacity-0",
      )}
    />
  );
}
