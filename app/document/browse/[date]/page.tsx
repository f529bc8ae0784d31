// Whole-document twin of /browse/[date] (see lib/app/document-routes.ts): the same page without a loading boundary.
export { default, generateMetadata } from "@/app/browse/[date]/page";
