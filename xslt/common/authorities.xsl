<?xml version="1.0" encoding="UTF-8"?>
<!-- Reading the authority lists: which entry a @ref points to, its names, its register. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:key name="ed:entry" match="tei:person | tei:place | tei:org | tei:object | tei:event" use="@xml:id"/>

  <!-- Each kind of list: its register page, its title, and the mention element that points to it. -->
  <xsl:variable name="ed:registers" as="map(xs:string, map(*))" select="map {
      'listPerson': map { 'page': 'persons', 'title': 'Persons', 'entry': 'person', 'mention': 'persName' },
      'listPlace': map { 'page': 'places', 'title': 'Places', 'entry': 'place', 'mention': 'placeName' },
      'listOrg': map { 'page': 'organisations', 'title': 'Organisations', 'entry': 'org', 'mention': 'orgName' },
      'listObject': map { 'page': 'objects', 'title': 'Objects', 'entry': 'object', 'mention': 'objectName' },
      'listEvent': map { 'page': 'events', 'title': 'Events', 'entry': 'event', 'mention': 'eventName' }
    }"/>

  <!-- The entry a pointer such as "authorities.xml#vo-nguyen-giap" names, if the lists have it. -->
  <xsl:function name="ed:entry" as="element()?">
    <xsl:param name="ref" as="xs:string"/>
    <xsl:variable name="id" select="if (contains($ref, '#')) then substring-after($ref, '#') else $ref"/>
    <xsl:sequence select="($authorities ! key('ed:entry', $id, .))[1]"/>
  </xsl:function>

  <!-- An entry's names: the standard one first. -->
  <xsl:function name="ed:names" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" select="$entry/(tei:persName | tei:placeName | tei:orgName | tei:eventName
                                                 | tei:objectIdentifier/tei:objectName)"/>
    <xsl:sequence select="($names[@type = 'standard'], $names[not(@type = 'standard')])"/>
  </xsl:function>

  <xsl:function name="ed:standard-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="normalize-space(ed:names($entry)[1])"/>
  </xsl:function>

  <!-- The register (map from $ed:registers) an entry belongs to. -->
  <xsl:function name="ed:register" as="map(*)?">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="$ed:registers(local-name($entry/..))"/>
  </xsl:function>

  <!-- Link from a page to an entry's own page in its register (registers/persons/vo-nguyen-giap.html). -->
  <xsl:function name="ed:entry-href" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="concat($path-to-root, 'registers/', ed:register($entry)?page, '/', encode-for-uri($entry/@xml:id), '.html')"/>
  </xsl:function>

</xsl:stylesheet>
