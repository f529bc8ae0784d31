// Whole-document twin of /browse (see lib/app/document-routes.ts): the same page without a loading boundary.
export { default, metadata } from "@/app/browse/page";
