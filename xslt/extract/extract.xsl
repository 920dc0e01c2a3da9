<?xml version="1.0" encoding="UTF-8"?>
<!--
  A document's extract: the small JSON record the edition-wide pages are built from (the
  index, previous and next links, registers, chronology, search index), so that they never
  re-read the documents. Anchors are the ones the HTML pages carry (common/anchors.xsl).
  Mentions and dates say where they stand in their block's text (`blocks`);
  src/site/extracts.ts completeExtract cuts the words around them.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>

  <xsl:output method="json" indent="no"/>

  <xsl:template match="/">
    <xsl:variable name="tei" select="ed:root(.)"/>
    <xsl:variable name="date" select="if ($tei) then ed:document-date($tei) else ()"/>
    <!-- What may hold index records (the back, the header) is sifted; the rest of the text holds none, and is not (it is most of it). -->
    <xsl:variable name="texts" select="ed:texts($tei)"/>
    <xsl:variable name="plain" select="$texts/(* except tei:back)"/>
    <xsl:variable name="sifted" select="$texts/tei:back | $tei/tei:teiHeader/tei:profileDesc | $tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc"/>
    <xsl:variable name="mentions" select="($plain//(tei:persName | tei:placeName | tei:orgName | tei:objectName | tei:eventName | tei:rs | tei:title[@ref])
                                           | $sifted//(tei:persName | tei:placeName | tei:orgName | tei:objectName | tei:eventName | tei:rs | tei:title[@ref])[not(ed:in-record(.))])
                                          [@ref or @corresp or @key]"/>
    <xsl:variable name="dates" select="($plain//tei:date | $texts/tei:back//tei:date[not(ed:in-record(.))])[not(ancestor::tei:dateline)]
                                       | $tei/tei:teiHeader/tei:profileDesc/tei:abstract//tei:date"/>
    <xsl:variable name="blocks" select="(($mentions, $dates) ! ed:context-block(.))/."/>
    <xsl:variable name="block-numbers" select="map:merge(for $i in 1 to count($blocks) return map { generate-id($blocks[$i]): $i - 1 })"/>
    <xsl:sequence select="map {
        'id': $document-id,
        'xmlId': string($tei/@xml:id),
        'lang': if ($tei) then string(ed:language($tei)) else '',
        'links': array {
          $tei/tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspContext/(tei:ref | tei:ptr)[@target][ed:link-direction(.) != '']
            ! map { 'rel': ed:link-direction(.), 'scope': if (@type = ('prev', 'previous', 'next')) then '' else string(@type),
                    'target': normalize-space(@target), 'label': normalize-space(.) }
        },
        'title': if ($tei) then ed:title($tei) else '',
        'date': if ($date) then ed:date-record($date) else (),
        'summary': normalize-space(string-join($tei/tei:teiHeader/tei:profileDesc/tei:abstract/tei:p, ' ')),
        'summaryOnly': $tei and ed:summary-only($tei),
        'place': ($tei/tei:teiHeader/tei:profileDesc/(tei:creation/tei:placeName, tei:correspDesc/tei:correspAction[@type = 'sent']/tei:placeName))[1]
                 ! map { 'text': normalize-space(.), 'entry': ed:entry-id(.) },
        'mentions': array {
          $mentions ! map:merge((
            map { 'ref': string((@ref, @corresp, @key)[1]), 'entry': ed:entry-id(.), 'anchor': ed:anchor(.) },
            ed:place-in-block(., $block-numbers)))
        },
        'dates': array { $dates ! map:merge((ed:date-record(.), ed:place-in-block(., $block-numbers))) },
        'blocks': array { $blocks ! string(.) },
        'passages': array {
          ($tei/tei:teiHeader/tei:profileDesc/tei:abstract/tei:p | $plain//*[ed:is-block(.)] | $texts/tei:back//*[ed:is-block(.)][not(ed:in-record(.))])
            ! map { 'anchor': ed:anchor(.), 'text': ed:plain-text(.) }
        }
      }"/>
  </xsl:template>

  <!--
    The id of the entry a mention names: what its pointer says after '#' ("authorities.xml#giap");
    a prefixed pointer, a URL or a key is looked up as the pages look it up.
  -->
  <xsl:function name="ed:entry-id" as="xs:string">
    <xsl:param name="mention" as="element()"/>
    <xsl:variable name="pointer" select="string(($mention/@ref, $mention/@corresp, $mention/@key)[1])"/>
    <xsl:sequence select="if (contains($pointer, '#') and not(contains(substring-before($pointer, '#'), ':'))) then substring-after($pointer, '#')
                          else (ed:mention-entry($mention)/@xml:id ! string(), replace($pointer, '^.*#', ''))[1]"/>
  </xsl:function>

  <!-- Whether a correspContext pointer leads to the previous or the next letter (type prev/next, or a subtype such as previous_letter). -->
  <xsl:function name="ed:link-direction" as="xs:string">
    <xsl:param name="ref" as="element()"/>
    <xsl:sequence select="if ($ref/@type = ('prev', 'previous') or matches($ref/@subtype, '^prev', 'i')) then 'prev'
                          else if ($ref/@type = 'next' or matches($ref/@subtype, '^next', 'i')) then 'next' else ''"/>
  </xsl:function>

  <!-- A date as the extracts carry it: its anchor, words, sort key and ISO value. -->
  <xsl:function name="ed:date-record" as="map(*)">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="map {
        'anchor': ed:anchor($date),
        'label': ed:date-label($date),
        'sort': ed:date-sort-key($date),
        'when': string($date/@when)
      }"/>
  </xsl:function>

</xsl:stylesheet>
