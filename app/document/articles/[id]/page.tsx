// Whole-document twin of /articles/[id] (see lib/app/document-routes.ts): the same page without a loading boundary.
export { default, generateMetadata } from "@/app/articles/[id]/page";
