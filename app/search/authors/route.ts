import { findAuthors } from "@/lib/app/author-search";
import { readAuthorQuery, readSearchRequest } from "@/lib/app/search-page";
import { EngineUnavailableError } from "@/lib/search/engine/errors";
import { SearchInputError } from "@/lib/search/search-articles";

/** Authors whose names contain `authorq`, counted within the search given by the other parameters. */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const parsed = readSearchRequest(params);
  if (!parsed.ok) return Response.json({ error: parsed.message }, { status: 400 });
  try {
    const matches = await findAuthors(parsed.request, readAuthorQuery(params));
    return Response.json({ matches }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof SearchInputError) return Response.json({ error: error.message }, { status: 400 });
    if (error instanceof EngineUnavailableError) return Response.json({ error: "检索服务暂时不可用" }, { status: 503 });
    throw error;
  }
}
