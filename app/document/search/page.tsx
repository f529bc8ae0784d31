// Whole-document twin of /search (see lib/app/document-routes.ts): the same page without a loading boundary.
export { default, generateMetadata } from "@/app/search/page";
