import NextAuth from "next-auth";
import { authOptions } from "@/lib/admin/next-auth";

const handler = NextAuth(authOptions);

// No rejectCrossOrigin (lib/admin/same-origin.ts) here: every state-changing next-auth POST
// (sign-in, callback, sign-out, session update) checks next-auth's own double-submit CSRF token.
export { handler as GET, handler as POST };
