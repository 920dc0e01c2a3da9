<?xml version="1.0" encoding="UTF-8"?>
<!--
  A document's extract: the small JSON record the edition-wide pages (the index, previous and
  next links) are built from, so they never re-read the documents.
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
    <xsl:variable name="tei" select="tei:TEI"/>
    <xsl:variable name="date" select="if ($tei) then ed:document-date($tei) else ()"/>
    <xsl:sequence select="map {
        'id': $document-id,
        'title': if ($tei) then ed:title($tei) else '',
        'date': if ($date) then map {
            'label': ed:date-label($date),
            'sort': ed:date-sort-key($date),
            'when': string($date/@when)
          } else (),
        'summary': normalize-space(string-join($tei/tei:teiHeader/tei:profileDesc/tei:abstract/tei:p, ' ')),
        'summaryOnly': $tei and ed:summary-only($tei),
        'mentions': array { distinct-values($tei//*[@ref][self::tei:persName or self::tei:placeName or self::tei:orgName or self::tei:objectName or self::tei:eventName]/string(@ref)) }
      }"/>
  </xsl:template>

</xsl:stylesheet>
