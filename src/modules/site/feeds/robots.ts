/** robots.txt: crawl everything public, skip search results and the back office, find the sitemaps. */
export function robotsTxt(publicUrl: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    // Search result pages are endless and thin; crawlers should follow links instead.
    'Disallow: /search',
    'Disallow: /api/',
    'Disallow: /admin',
    '',
    `Sitemap: ${publicUrl}/sitemap.xml`,
    `Sitemap: ${publicUrl}/sitemaps/news.xml`,
    '',
  ].join('\n');
}
