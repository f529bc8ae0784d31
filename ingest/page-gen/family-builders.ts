import type { LayoutFamily } from "@/lib/segmenter/labels";
import { buildAgencyPage } from "./families/agency";
import { buildBylineEndPage } from "./families/byline-end";
import { buildDatelineStartPage } from "./families/dateline-start";
import { buildInterleavedPage } from "./families/interleaved";
import { buildLettersPage } from "./families/letters-speeches";
import { buildPenNamePage } from "./families/penname-under-headline";
import { buildPhotoCaptionPage } from "./families/photo-caption";
import { buildSeriesColumnsPage } from "./families/series-columns";
import { buildTablesPage } from "./families/tables";
import { buildTraditionalPage } from "./families/traditional-older";
import { buildUnsignedPage } from "./families/unsigned";
import type { FamilyBuilder } from "./printed-item";

export const FAMILY_BUILDERS: Readonly<Record<LayoutFamily, FamilyBuilder>> = {
  "byline-end": buildBylineEndPage,
  "dateline-start": buildDatelineStartPage,
  agency: buildAgencyPage,
  "penname-under-headline": buildPenNamePage,
  "traditional-older": buildTraditionalPage,
  unsigned: buildUnsignedPage,
  "photo-caption": buildPhotoCaptionPage,
  tables: buildTablesPage,
  "letters-speeches": buildLettersPage,
  "series-columns": buildSeriesColumnsPage,
  interleaved: buildInterleavedPage,
};
