import Link from "next/link";

export default function NotFound() {
  return (
    <section className="mx-auto max-w-2xl py-10 text-center">
      <h1 className="text-2xl font-semibold">找不到这篇文章</h1>
      <p className="mt-2 text-stone-600">链接可能有误，或文章已从档案中移除。</p>
      <p className="mt-4">
        <Link href="/search" className="text-blue-800 underline">
          去检索
        </Link>
      </p>
    </section>
  );
}
