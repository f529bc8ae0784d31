// Whole-document twin of /search/advanced (see lib/app/document-routes.ts): the same page without a loading boundary.
export { default, metadata } from "@/app/search/advanced/page";
