import { expect, test } from "@playwright/test";
import { screenshot, search } from "./support";

/**
 * What a browser finds besides the pages: the OpenSearch description that puts
 * 报库 in its search bar, the saved-search feed every results page offers, the
 * icons and robots.txt. 江城 matches 38 articles of the fixture archive.
 */
const JIANGCHENG = "江城";
const FEED_HREF = `/search/feed?q=${encodeURIComponent(JIANGCHENG)}`;

test.describe("search bar, feeds and site files", () => {
  test("a results page offers its search as an Atom feed, in the page and in the head", async ({ page, request }) => {
    await page.goto(search(JIANGCHENG, { sort: "oldest", page: "2" }));
    const link = page.getByRole("link", { name: "订阅此检索（Atom）" });
    await expect(link).toBeVisible();
    // Order and page are the feed's own: every page of the search offers the same feed.
    await expect(link).toHaveAttribute("href", FEED_HREF);
    const alternate = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
    await expect(alternate).toHaveCount(1);
    const alternateUrl = new URL((await alternate.getAttribute("href")) ?? "", page.url());
    expect(`${alternateUrl.pathname}${alternateUrl.search}`).toBe(FEED_HREF);
    await expect(alternate).toHaveAttribute("title", `报库：“${JIANGCHENG}”`);
    await link.scrollIntoViewIfNeeded();
    await screenshot(page, "results-feed-link-desktop");

    const feed = await request.get(FEED_HREF);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
    const xml = await feed.text();
    expect(xml).toContain(`<feed xmlns="http://www.w3.org/2005/Atom"`);
    expect(xml.match(/<entry>/g)).toHaveLength(38);
    expect(xml).toContain(`<title>报库：“${JIANGCHENG}”</title>`);
  });

  test("every page links the OpenSearch description, the icons and the manifest", async ({ page }) => {
    for (const path of ["/", search(JIANGCHENG), "/browse", "/authors"]) {
      await page.goto(path);
      const head = page.locator("head");
      await expect(head.locator('link[rel="search"][type="application/opensearchdescription+xml"]'), path).toHaveAttribute("href", "/opensearch.xml");
      await expect(head.locator('link[rel="search"]'), path).toHaveAttribute("title", "报库");
      await expect(head.locator('link[rel="icon"][type="image/svg+xml"]'), path).toHaveAttribute("href", "/icon.svg");
      await expect(head.locator('link[rel="apple-touch-icon"]'), path).toHaveAttribute("href", "/apple-touch-icon.png");
      await expect(head.locator('link[rel="manifest"]'), path).toHaveAttribute("href", "/manifest.webmanifest");
    }
    // The icons load under the page's Content-Security-Policy and decode at their stated sizes.
    const sizes = await page.evaluate(async () => {
      const load = (src: string) =>
        new Promise<number>((resolve, reject) => {
          const image = new Image();
          image.onload = () => resolve(image.naturalWidth);
          image.onerror = () => reject(new Error(`cannot load ${src}`));
          image.src = src;
        });
      return Promise.all(["/apple-touch-icon.png", "/icon-192.png", "/icon-512.png", "/icon.svg", "/favicon.ico"].map(load));
    });
    expect(sizes.slice(0, 3)).toEqual([180, 192, 512]);
    expect(sizes[3]).toBeGreaterThan(0);
    expect(sizes[4]).toBeGreaterThan(0);
  });

  test("/opensearch.xml is served as an OpenSearch description with absolute templates for this origin", async ({ request, baseURL }) => {
    const response = await request.get("/opensearch.xml");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/opensearchdescription+xml; charset=utf-8");
    const xml = await response.text();
    expect(xml).toContain(`<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">`);
    expect(xml).toContain("<ShortName>报库</ShortName>");
    expect(xml).toContain("<InputEncoding>UTF-8</InputEncoding>");
    expect(xml).toContain(`<Url type="text/html" method="get" template="${baseURL}/search?q={searchTerms}"/>`);
    expect(xml).toContain(`<Url type="application/atom+xml" method="get" template="${baseURL}/search/feed?q={searchTerms}"/>`);
  });

  test("the search template leads to the results page", async ({ page, baseURL }) => {
    const response = await page.request.get("/opensearch.xml");
    const template = /<Url type="text\/html" method="get" template="([^"]+)"/.exec(await response.text())?.[1] ?? "";
    await page.goto(template.replace("{searchTerms}", encodeURIComponent(JIANGCHENG)));
    expect(page.url()).toBe(`${baseURL}${search(JIANGCHENG)}`);
    await expect(page.getByTestId("result-count")).toContainText("共 38 篇");
  });

  test("robots.txt, the icons and the manifest are served with their types", async ({ request }) => {
    const expected: Array<[string, RegExp]> = [
      ["/robots.txt", /^text\/plain/],
      ["/favicon.ico", /^image\/(x-icon|vnd\.microsoft\.icon)/],
      ["/icon.svg", /^image\/svg\+xml/],
      ["/apple-touch-icon.png", /^image\/png/],
      ["/icon-192.png", /^image\/png/],
      ["/icon-512.png", /^image\/png/],
      ["/manifest.webmanifest", /^application\/manifest\+json/],
    ];
    for (const [path, type] of expected) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()["content-type"], path).toMatch(type);
    }
    const robots = await (await request.get("/robots.txt")).text();
    expect(robots).toMatch(/^Allow: \/$/m);
    for (const path of ["/api/", "/search/feed", "/search/authors"]) expect(robots).toContain(`Disallow: ${path}`);
    const manifest = await (await request.get("/manifest.webmanifest")).json();
    expect(manifest.icons.map((icon: { src: string }) => icon.src)).toEqual(["/icon-192.png", "/icon-512.png", "/icon.svg"]);
  });

  test("a bad feed parameter gets 400 naming it", async ({ request }) => {
    const response = await request.get(`${FEED_HREF}&from=2020-13`);
    expect(response.status()).toBe(400);
    expect((await response.json()).error.message).toContain("from");
  });
});
