import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ImportCsv } from "@/components/products/import-csv";
import { ProductPageHeader } from "@/components/products/product-page-header";
import { PermissionNotice } from "@/components/ui/permission-notice";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { canWriteProducts } from "@/components/products/permissions";
import { requireMe } from "@/lib/admin/session";
import { resolveLocale } from "@/lib/admin/i18n/params";

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "products.metadata" });
  return { title: t("import") };
}

/** The columns, as lib/products/csv.ts reads and writes them. */
const COLUMNS = [
  { name: "sku", example: "COFFEE-250" },
  { name: "name_en", example: "Arabic coffee", required: true },
  { name: "name_ar", example: "قهوة عربية", required: true, arabic: true },
  { name: "description_en", example: "Light roast with cardamom" },
  { name: "description_ar", example: "تحميص فاتح مع الهيل", arabic: true },
  { name: "price", example: "49.90", required: true },
  { name: "currency", example: "SAR" },
  { name: "category", example: "coffee" },
  { name: "tags", example: "coffee|gift" },
  { name: "status", example: "active" },
  { name: "inventory", example: "120" },
  { name: "images", example: "https://example.com/a.jpg|https://example.com/b.jpg" },
] as const;

export default async function ImportProductsPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { me } = await requireMe(locale);
  const t = await getTranslations({ locale, namespace: "products.import" });
  const canWrite = canWriteProducts(me.user.role);

  return (
    <div className="flex flex-col gap-6">
      <ProductPageHeader title={t("title")} description={t("description")} />
      {canWrite ? (
        <div className="grid items-start gap-6 2xl:grid-cols-[minmax(0,32rem)_minmax(0,1fr)]">
          <Card className="max-w-3xl min-w-0 2xl:max-w-none">
            <CardHeader className="pb-4">
              <CardTitle className="text-base">{t("uploadTitle")}</CardTitle>
              <CardDescription>{t("uploadDescription")}</CardDescription>
            </CardHeader>
            <CardContent>
              <ImportCsv />
            </CardContent>
          </Card>

          {/* min-w-0: a grid item would otherwise grow to the table's width on a phone. */}
          <Card className="min-w-0">
            <CardHeader className="pb-4">
              <CardTitle className="text-base">{t("columns.title")}</CardTitle>
              <CardDescription>{t("columns.description")}</CardDescription>
            </CardHeader>
            <CardContent>
              <DataTable caption={t("columns.title")} minWidth="min-w-[36rem]">
                <THead>
                  <tr>
                    <Th>{t("columns.column")}</Th>
                    <Th>{t("columns.meaning")}</Th>
                    <Th>{t("columns.example")}</Th>
                  </tr>
                </THead>
                <TBody>
                  {COLUMNS.map((column) => (
                    <tr key={column.name}>
                      <th scope="row" className="px-3 py-3 ps-4 text-start align-top font-normal">
                        <code dir="ltr" className="font-mono text-xs font-semibold">
                          {column.name}
                        </code>
                        {"required" in column ? (
                          <span className="block text-xs text-muted-foreground">
                            {t("columns.required")}
                          </span>
                        ) : null}
                      </th>
                      <Td>{t(`columns.meanings.${column.name}`)}</Td>
                      <Td>
                        {"arabic" in column ? (
                          // Monospace faces have no Arabic: the letters would fall apart.
                          <span lang="ar" dir="rtl" className="text-muted-foreground">
                            {column.example}
                          </span>
                        ) : (
                          <code
                            dir="ltr"
                            className="font-mono text-xs break-all text-muted-foreground"
                          >
                            {column.example}
                          </code>
                        )}
                      </Td>
                    </tr>
                  ))}
                </TBody>
              </DataTable>
              <ul className="mt-4 flex list-disc flex-col gap-1.5 ps-5 text-sm text-muted-foreground">
                <li>{t("columns.notes.header")}</li>
                <li>{t("columns.notes.lists")}</li>
                <li>{t("columns.notes.sku")}</li>
                <li>{t("columns.notes.allOrNothing")}</li>
                <li>{t("columns.notes.export")}</li>
              </ul>
            </CardContent>
          </Card>
        </div>
      ) : (
        <PermissionNotice>{t("errors.permission")}</PermissionNotice>
      )}
    </div>
  );
}
