import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/* The Arabic vocabulary of docs/glossary.md, where a machine can check it. */
type Tree = { [key: string]: string | Tree };
const ar = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, "../../messages/ar.json"), "utf8"),
) as Tree;
const flat = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value]] : flat(value, `${prefix}${key}.`),
  );
const messages = flat(ar);

/** Words the glossary replaced, with the one to use instead. */
const REPLACED: [string, string][] = [
  ["مسؤول", "مشرف"],
  ["رمز SKU", "رمز المنتج"],
  ["خطاف", "الويب هوك"],
  ["رقم التسجيل الضريبي", "الرقم الضريبي"],
  ["الطلبات كثيرة", "الخادم مشغول"],
  ["طلبات كثيرة", "الخادم مشغول"],
  ["تحديد كم", "تأكيد الدفع / تأكيد التنفيذ / إكمال الطلب"],
];

describe("the Arabic glossary (docs/glossary.md)", () => {
  it.each(REPLACED)("no message says %s (the glossary says %s)", (word) => {
    expect(messages.filter(([, text]) => text.includes(word)).map(([key]) => key)).toEqual([]);
  });

  it("names each role as the glossary does", () => {
    expect(ar.Roles).toEqual({ owner: "المالك", admin: "مشرف", staff: "موظف", viewer: "مُطّلع" });
  });

  it("inflects counted nouns: no bare {n} before a noun that changes with the number", () => {
    const bare = /\{\w+\}\s+(?:أحرف|حروف|حرفًا|أيام|يومًا|ساعات|دقائق|منتجات|طلبات|صور|مرات)/;
    expect(messages.filter(([, text]) => bare.test(text)).map(([key]) => key)).toEqual([]);
  });

  it("writes numbers of four digits or more with one thousands style, 10,000, in both languages", () => {
    const en = flat(
      JSON.parse(
        readFileSync(path.resolve(import.meta.dirname, "../../messages/en.json"), "utf8"),
      ) as Tree,
    );
    // Codes keep their own digits: ISO 4217, INV-2026-000001, phone numbers (0501234567,
    // +966501234567).
    const ungrouped = /(?<![\w\-.,+]|ISO )(?!0)\d{4,}(?![\w\-])/;
    expect(
      [...messages, ...en].filter(([, text]) => ungrouped.test(text)).map(([key]) => key),
    ).toEqual([]);
  });
});
