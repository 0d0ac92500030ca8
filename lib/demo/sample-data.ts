import { eq } from "drizzle-orm";
import type { ServiceContext } from "@/lib/context";
import { notifyCredentialChanges } from "@/lib/auth/credential-cache";
import type { OrderStatus } from "@/lib/orders/contract";
import { createOrder, updateOrder } from "@/lib/orders/service";
import { createProduct } from "@/lib/products/service";
import { products } from "@/lib/products/schema";
import type { Tenant } from "@/lib/tenants/schema";
import type { Db } from "@/lib/db/client";

type SampleProduct = {
  sku: string;
  en: string;
  ar: string;
  descriptionEn: string;
  descriptionAr: string;
  price: string;
  category: string;
  tags: string[];
  inventory: number;
  status?: "draft" | "active";
};

const PRODUCTS: SampleProduct[] = [
  {
    sku: "COF-250",
    en: "Arabic coffee with cardamom",
    ar: "قهوة عربية بالهيل",
    descriptionEn: "Light roast, ground with green cardamom. 250 g.",
    descriptionAr: "تحميص فاتح مطحونة مع الهيل الأخضر. ٢٥٠ غرام.",
    price: "49.90",
    category: "coffee",
    tags: ["coffee", "bestseller"],
    inventory: 120,
  },
  {
    sku: "COF-500",
    en: "Khawlani coffee beans",
    ar: "بن خولاني",
    descriptionEn: "Whole beans from the Jazan highlands. 500 g.",
    descriptionAr: "حبوب كاملة من مرتفعات جازان. ٥٠٠ غرام.",
    price: "89.00",
    category: "coffee",
    tags: ["coffee"],
    inventory: 40,
  },
  {
    sku: "DAT-1KG",
    en: "Sukkari dates",
    ar: "تمر سكري",
    descriptionEn: "Soft Qassim dates, 1 kg box.",
    descriptionAr: "تمر سكري طري من القصيم، علبة ١ كغ.",
    price: "65.00",
    category: "dates",
    tags: ["dates", "gift"],
    inventory: 80,
  },
  {
    sku: "DAT-AJW",
    en: "Ajwa dates",
    ar: "تمر عجوة",
    descriptionEn: "Madinah Ajwa, 500 g.",
    descriptionAr: "عجوة المدينة، ٥٠٠ غرام.",
    price: "95.00",
    category: "dates",
    tags: ["dates"],
    inventory: 35,
  },
  {
    sku: "OUD-12",
    en: "Cambodian oud oil",
    ar: "دهن عود كمبودي",
    descriptionEn: "Pure oud oil, 3 ml.",
    descriptionAr: "دهن عود صافٍ، ٣ مل.",
    price: "450.00",
    category: "perfume",
    tags: ["oud", "perfume"],
    inventory: 12,
  },
  {
    sku: "BAK-100",
    en: "Incense chips (bakhoor)",
    ar: "بخور معطر",
    descriptionEn: "Hand-blended bakhoor, 100 g.",
    descriptionAr: "بخور ممزوج يدويًا، ١٠٠ غرام.",
    price: "75.00",
    category: "incense",
    tags: ["incense"],
    inventory: 60,
  },
  {
    sku: "DAL-BRS",
    en: "Brass dallah",
    ar: "دلة نحاسية",
    descriptionEn: "Traditional coffee pot, 1 l.",
    descriptionAr: "دلة قهوة تقليدية، ١ لتر.",
    price: "180.00",
    category: "tableware",
    tags: ["coffee", "gift"],
    inventory: 15,
  },
  {
    sku: "FIN-6",
    en: "Finjan cups, set of 6",
    ar: "فناجين، طقم من ٦",
    descriptionEn: "Porcelain with a gold rim.",
    descriptionAr: "بورسلين بحافة ذهبية.",
    price: "120.00",
    category: "tableware",
    tags: ["coffee"],
    inventory: 25,
  },
  {
    sku: "HON-SDR",
    en: "Sidr honey",
    ar: "عسل سدر",
    descriptionEn: "Raw sidr honey, 500 g.",
    descriptionAr: "عسل سدر خام، ٥٠٠ غرام.",
    price: "220.00",
    category: "honey",
    tags: ["honey"],
    inventory: 18,
  },
  {
    sku: "SAF-5G",
    en: "Saffron threads",
    ar: "زعفران",
    descriptionEn: "Grade-one saffron, 5 g.",
    descriptionAr: "زعفران درجة أولى، ٥ غرام.",
    price: "55.00",
    category: "spices",
    tags: ["spices"],
    inventory: 50,
  },
  {
    sku: "GFT-RMD",
    en: "Ramadan gift box",
    ar: "صندوق هدايا رمضان",
    descriptionEn: "Dates, coffee and a finjan: coming soon.",
    descriptionAr: "تمر وقهوة وفنجان: قريبًا.",
    price: "299.00",
    category: "gifts",
    tags: ["gift"],
    inventory: 0,
    status: "draft",
  },
];

const ORDERS: {
  daysAgo: number;
  email: string;
  name: string;
  lines: [string, number][];
  path: OrderStatus[];
}[] = [
  {
    daysAgo: 12,
    email: "noura@example.com",
    name: "نورة العتيبي",
    lines: [
      ["COF-250", 2],
      ["FIN-6", 1],
    ],
    path: ["paid", "fulfilled", "completed"],
  },
  {
    daysAgo: 9,
    email: "khalid@example.com",
    name: "Khalid Al-Harbi",
    lines: [["DAT-AJW", 1]],
    path: ["paid", "fulfilled"],
  },
  {
    daysAgo: 6,
    email: "reem@example.com",
    name: "ريم الشهري",
    lines: [
      ["OUD-12", 1],
      ["BAK-100", 2],
    ],
    path: ["paid"],
  },
  {
    daysAgo: 4,
    email: "omar@example.com",
    name: "Omar Saleh",
    lines: [["HON-SDR", 1]],
    path: ["cancelled"],
  },
  {
    daysAgo: 2,
    email: "layla@example.com",
    name: "ليلى الزهراني",
    lines: [
      ["DAT-1KG", 2],
      ["SAF-5G", 1],
    ],
    path: ["paid", "fulfilled", "completed", "refunded"],
  },
  {
    daysAgo: 0,
    email: "fahad@example.com",
    name: "فهد القحطاني",
    lines: [
      ["COF-500", 1],
      ["DAL-BRS", 1],
    ],
    path: [],
  },
];

/**
 * A small bilingual catalogue and a fortnight of orders for the demo store, written through the
 * services (so totals, stock, order numbers, timelines and events are what the product makes).
 * Does nothing when the store has products already.
 */
export async function seedSampleData(db: Db, tenant: Tenant, ownerId: string) {
  const [any] = await db
    .select({ id: products.id })
    .from(products)
    .where(eq(products.tenantId, tenant.id))
    .limit(1);
  if (any) return { products: 0, orders: 0 };
  const ctx = (now: Date): ServiceContext => ({
    db,
    tenant,
    actor: { type: "user", userId: ownerId, role: "owner", sessionId: "sample-data" },
    ip: "seed",
    requestId: "sample-data",
    now: () => now,
    credentials: notifyCredentialChanges,
  });
  const day = 86_400_000;
  const start = new Date(Date.now() - 14 * day);
  const ids = new Map<string, string>();
  for (const p of PRODUCTS) {
    const product = await createProduct(ctx(start), {
      sku: p.sku,
      name: { en: p.en, ar: p.ar },
      description: { en: p.descriptionEn, ar: p.descriptionAr },
      price: p.price,
      currency: tenant.currency,
      category: p.category,
      tags: p.tags,
      inventory: p.inventory,
      status: p.status ?? "active",
      images: [],
    });
    ids.set(p.sku, product.id);
  }
  for (const o of ORDERS) {
    const at = new Date(Date.now() - o.daysAgo * day - 3 * 3600_000);
    const { order } = await createOrder(ctx(at), {
      items: o.lines.map(([sku, quantity]) => ({ product_id: ids.get(sku)!, quantity })),
      customer_email: o.email,
      customer_name: o.name,
    });
    for (const [i, status] of o.path.entries()) {
      await updateOrder(ctx(new Date(at.getTime() + (i + 1) * 5 * 3600_000)), order.id, {
        status,
      });
    }
  }
  return { products: PRODUCTS.length, orders: ORDERS.length };
}
