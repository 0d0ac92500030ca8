import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/next-auth";

const handler = NextAuth(authOptions);

// No rejectCrossOrigin (lib/auth/same-origin.ts) here: every state-changing next-auth POST
// (sign-in, callback, sign-out, session update) checks next-auth's own double-submit CSRF token.
export { handler as GET, handler as POST };
