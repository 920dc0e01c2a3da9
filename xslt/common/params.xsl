<?xml version="1.0" encoding="UTF-8"?>
<!--
  The stylesheets' parameters, one place for all formats. src/transform.ts passes them
  (interface StylesheetParams) and test/transform.test.ts checks the two lists agree.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    exclude-result-prefixes="#all">

  <!-- The edition's configuration as JSON: title, subtitle, editors, licence, baseUrl, language. -->
  <xsl:param name="edition-json" as="xs:string" select="'{}'"/>

  <!-- The edition's language (src/i18n/catalogue.ts, LanguagePack): its tag, its messages, its months and the forms of its dates and counts. -->
  <xsl:param name="language" as="map(*)" select="map { }"/>

  <!-- The edition's documents in date order, as a JSON array of extracts (id, title, date, summary). -->
  <xsl:param name="documents-json" as="xs:string" select="'[]'"/>

  <!-- The parsed authority files (listPerson, listPlace, listOrg, listObject, listEvent). -->
  <xsl:param name="authorities" as="document-node()*" select="()"/>

  <!-- Their entries by id: a map made once per thread, not a key() index made by every transform. -->
  <xsl:param name="entries" as="map(xs:string, element())" select="map { }"/>

  <!-- A letter's previous and next letters (correspContext), as JSON: rel, scope, label, and the id and title of the document if the edition has it. -->
  <xsl:param name="correspondence-json" as="xs:string" select="'[]'"/>

  <!-- What the text's refs and ptrs to other documents point to (src/families/references.ts), as JSON: by "type|target", the page or web address (href) and, for a document of the edition, its title (words). -->
  <xsl:param name="references-json" as="xs:string" select="'{}'"/>

  <!-- The identifier of the document being transformed, as used in its URLs. -->
  <xsl:param name="document-id" as="xs:string" select="''"/>

  <!-- The relative path from the page being written to the edition's root: '' or '../'. -->
  <xsl:param name="path-to-root" as="xs:string" select="''"/>

  <!-- In mode register: the local name of the list to render (listPerson, listPlace, …). -->
  <xsl:param name="register-list" as="xs:string" select="''"/>

  <!-- The TEI source's path in the published edition (tei/…), for its download link. -->
  <xsl:param name="source-path" as="xs:string" select="''"/>

  <!-- In mode register: how often each entry is mentioned, as JSON (entry id → { mentions, pages }). -->
  <xsl:param name="counts-json" as="xs:string" select="'{}'"/>

  <!-- In mode register-entry: the entry's id (in mode search, the entry the help's example names), and how many mentions the page lists (src/site/html-lists.ts writes them). -->
  <xsl:param name="entry-id" as="xs:string" select="''"/>
  <xsl:param name="listed-mentions" as="xs:integer" select="0"/>

  <!-- For a list split over several pages (an entry's mentions, the documents): which page this is, of how many, and the number of its first item. -->
  <xsl:param name="part" as="xs:integer" select="1"/>
  <xsl:param name="parts" as="xs:integer" select="1"/>
  <xsl:param name="first-number" as="xs:integer" select="1"/>

  <!-- In mode register-entry, on the first page: how many mentions in all, in how many documents, and whether (1) or not (0) in the introduction. -->
  <xsl:param name="entry-mentions" as="xs:integer" select="0"/>
  <xsl:param name="entry-documents" as="xs:integer" select="0"/>
  <xsl:param name="entry-introduction" as="xs:integer" select="0"/>

  <!-- In modes index and about: what a reader can download (src/site/downloads.ts), as JSON: href, label, format. -->
  <xsl:param name="downloads-json" as="xs:string" select="'[]'"/>

  <!-- In mode register-entry, on the first page: the letters the entry sent and received (correspDesc), as JSON: sent and received, each url, title, date. -->
  <xsl:param name="letters-json" as="xs:string" select="'{}'"/>

  <!-- In modes chronology and chronology-year: the dates of the page in order, as JSON. -->
  <xsl:param name="chronology-json" as="xs:string" select="'[]'"/>

  <!-- For a chronology split into years, as JSON: in mode chronology each year's label, page and count; in mode chronology-year, the page's year. -->
  <xsl:param name="chronology-years-json" as="xs:string" select="'[]'"/>

  <!-- In modes chronology and chronology-year: the timeline laid out (src/site/timeline.ts), as JSON; null for none. -->
  <xsl:param name="timeline-json" as="xs:string" select="'null'"/>

  <!-- On a document page and the places register: the map of its places laid out (src/site/map.ts), as JSON; null for none. -->
  <xsl:param name="map-json" as="xs:string" select="'null'"/>

  <!-- On a document page: its facsimile as the viewer reads it (src/families/facsimiles.ts), as JSON; '' for none. -->
  <xsl:param name="facsimile-json" as="xs:string" select="''"/>

  <!-- On a document page: the origins of the remote images its facsimile shows, space-separated; the page's policy lets them in. -->
  <xsl:param name="facsimile-hosts" as="xs:string" select="''"/>

  <!-- In the print edition's imprint: what made the book ("editio 0.1.0"). -->
  <xsl:param name="made-with" as="xs:string" select="'editio'"/>

  <!-- Prefixed to every anchor, so that many documents can share one page (the print edition). -->
  <xsl:param name="anchor-prefix" as="xs:string" select="''"/>

  <!-- In the text edition: the column at which lines are wrapped. -->
  <xsl:param name="text-width" as="xs:integer" select="72"/>

</xsl:stylesheet>
