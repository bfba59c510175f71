// Feeds written in the style of real outlets (invented stories), for the feed tests.

export const rss2ContentEncoded = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>The Harbour Gazette - World</title>
  <link>https://gazette.example.org/world</link>
  <atom:link href="https://gazette.example.org/world/rss" rel="self" type="application/rss+xml"/>
  <description>World news from the Harbour Gazette</description>
  <language>en-gb</language>
  <item>
    <title>Ministers agree to resume grain corridor talks</title>
    <link>https://gazette.example.org/world/2025/nov/20/grain-corridor-talks?utm_source=rss&amp;utm_medium=feed</link>
    <guid isPermaLink="false">gazette-2025-11-20-001</guid>
    <pubDate>Thu, 20 Nov 2025 14:05:00 GMT</pubDate>
    <dc:creator>Mara Lindqvist</dc:creator>
    <description><![CDATA[<p>Ministers meeting in Valletta agreed to reopen talks.</p>]]></description>
    <content:encoded><![CDATA[<p>Ministers meeting in Valletta on Thursday agreed to reopen talks on the grain corridor, officials said.</p>
<script>trackReader('grain');</script>
<p>The next round is expected in early December, according to a statement from the foreign ministry.</p>
<figure><img src="https://gazette.example.org/img/1.jpg" alt=""><figcaption>Delegates arrive &#8211; photo agency</figcaption></figure>]]></content:encoded>
  </item>
  <item>
    <title>Coastal states sign fisheries accord &amp; pledge joint patrols</title>
    <link>https://gazette.example.org/world/2025/nov/19/fisheries-accord</link>
    <guid>https://gazette.example.org/world/2025/nov/19/fisheries-accord</guid>
    <pubDate>Wed, 19 Nov 2025 09:30:00 +0100</pubDate>
    <author>desk@gazette.example.org (Tomas Reyes)</author>
    <description>Six coastal states signed an accord on Wednesday.</description>
  </item>
</channel>
</rss>`;

export const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title type="html">Northern Ledger &amp;mdash; Diplomacy</title>
  <link href="https://ledger.example.com/diplomacy" rel="alternate"/>
  <link href="https://ledger.example.com/diplomacy.atom" rel="self"/>
  <id>tag:ledger.example.com,2025:diplomacy</id>
  <updated>2025-11-21T08:00:00Z</updated>
  <entry>
    <title>Envoys trade drafts ahead of summit</title>
    <link href="https://ledger.example.com/2025/11/21/envoys-drafts" rel="alternate"/>
    <id>tag:ledger.example.com,2025:4411</id>
    <published>2025-11-21T07:45:00+02:00</published>
    <updated>2025-11-21T07:50:00+02:00</updated>
    <author><name>Ines Okafor</name></author>
    <summary>Envoys exchanged drafts.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Envoys exchanged revised drafts on Friday.</p><p>A summit is planned for next month.</p></div></content>
  </entry>
  <entry>
    <title type="html">&lt;em&gt;Analysis:&lt;/em&gt; what the ceasefire text leaves out</title>
    <link href="https://ledger.example.com/2025/11/20/analysis"/>
    <id>tag:ledger.example.com,2025:4410</id>
    <updated>2025-11-20T18:00:00Z</updated>
    <author><name>Paul Marchetti</name></author>
    <content type="html">&lt;p&gt;The text is silent on &lt;b&gt;monitoring&lt;/b&gt;.&lt;/p&gt;&lt;style&gt;p{color:red}&lt;/style&gt;</content>
  </entry>
</feed>`;

export const rdfFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://wire.example.net/rss">
    <title>Example Wire</title>
    <link>https://wire.example.net/</link>
    <description>Wire copy</description>
    <dc:language>de</dc:language>
    <items><rdf:Seq><rdf:li rdf:resource="https://wire.example.net/a/1"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://wire.example.net/a/1">
    <title>Talks adjourned until Monday</title>
    <link>https://wire.example.net/a/1</link>
    <description>Negotiators adjourned talks until Monday, a spokesperson said.</description>
    <dc:date>2025-11-22T10:15:00+01:00</dc:date>
    <dc:creator>Wire staff</dc:creator>
  </item>
</rdf:RDF>`;

export const cyrillicFeed = `<?xml version="1.0" encoding="windows-1251"?>
<rss version="2.0"><channel><title>Новости дня</title><link>https://novosti.example.ru/</link>
<item><title>Переговоры продолжатся в понедельник</title><link>https://novosti.example.ru/1</link>
<description>Стороны договорились о новой встрече.</description></item></channel></rss>`;

/** Latin-1 text with no XML declaration: only the HTTP charset says how to read it. */
export const latinFeedUndeclared = `<rss version="2.0"><channel><title>Notícias do Dia</title>
<item><title>Negociações em Genebra avançam</title><link>https://noticias.example.br/1</link>
<description>Delegações discutem a versão revisada do plano.</description></item></channel></rss>`;

export const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
 <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>Laughs &lol9;</title><description>secret: &xxe;</description></item></channel></rss>`;

/** One good item, one whose markup is broken, one more good item. */
export const malformedMiddleItem = `<rss version="2.0"><channel><title>Broken Daily</title>
<item><title>First story</title><link>https://broken.example.com/1</link></item>
<item><title>Second <b>story</title><link>https://broken.example.com/2</link></item>
<item><title>Third story</title><link>https://broken.example.com/3</link></item>
</channel></rss>`;

/** Atom entries that make rss-parser reject the whole feed: an unreadable date and a link without href. */
export const atomBadEntries = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Mixed Atom</title>
<entry><title>Good one</title><id>urn:1</id><link href="https://mixed.example.com/1"/><published>2025-11-20T10:00:00Z</published>
<summary>Port workers ended a two-day strike after a pay deal was reached late on Wednesday.</summary></entry>
<entry><title>Bad date</title><id>urn:2</id><link href="https://mixed.example.com/2"/><published>the day after tomorrow</published>
<summary>The city council approved a new budget for road repairs and school buildings.</summary></entry>
<entry><title>Bare link</title><id>urn:3</id><link>https://mixed.example.com/3</link>
<summary>Researchers reported record rainfall across the northern valleys this autumn.</summary></entry>
<entry><title>Good two</title><id>urn:4</id><link href="https://mixed.example.com/4"/>
<summary>A regional airline announced three new routes starting in the spring season.</summary></entry>
</feed>`;

export const htmlPage = `<!doctype html><html><head><title>Not a feed</title></head><body><p>Hello</p></body></html>`;
