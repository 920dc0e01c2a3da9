<?xml version="1.0" encoding="UTF-8"?>
<!-- Reading the authority entries: which entry a pointer names, its names, its register. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">


  <!-- Each kind of list: its register page, its title, and the mention element that points to it. -->
  <xsl:variable name="ed:registers" as="map(xs:string, map(*))" select="map {
      'listPerson': map { 'page': 'persons', 'title': 'Persons', 'entry': 'person', 'mention': 'persName' },
      'listPlace': map { 'page': 'places', 'title': 'Places', 'entry': 'place', 'mention': 'placeName' },
      'listOrg': map { 'page': 'organisations', 'title': 'Organisations', 'entry': 'org', 'mention': 'orgName' },
      'listObject': map { 'page': 'objects', 'title': 'Objects', 'entry': 'object', 'mention': 'objectName' },
      'listEvent': map { 'page': 'events', 'title': 'Events', 'entry': 'event', 'mention': 'eventName' },
      'listBibl': map { 'page': 'works', 'title': 'Works', 'entry': 'bibl', 'mention': 'title' }
    }"/>

  <!-- What <rs type="…"> names, by the types editions use: the entry element of its kind. -->
  <xsl:variable name="ed:rs-types" as="map(xs:string, xs:string)" select="map {
      'person': 'person', 'place': 'place', 'org': 'org', 'organisation': 'org', 'organization': 'org',
      'object': 'object', 'event': 'event', 'bibl': 'bibl', 'work': 'bibl'
    }"/>

  <!--
    Prefixed pointers (pmb:11740): the document's own prefixDefs, then the configuration's
    prefixes (src/pointers.ts reads them the same way).
  -->
  <xsl:variable name="ed:prefix-defs" as="map(*)*" select="(
      /*/tei:teiHeader//tei:prefixDef[@ident and @replacementPattern]
        ! map { 'ident': string(@ident), 'match': string((@matchPattern, '(.+)')[1]), 'replace': string(@replacementPattern) },
      for $prefixes in $ed:edition?prefixes, $ident in map:keys($prefixes)
        return map { 'ident': $ident, 'match': '(.+)', 'replace': $prefixes($ident) })"/>

  <xsl:function name="ed:expand-pointer" as="xs:string?">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:variable name="ident" select="substring-before($pointer, ':')"/>
    <xsl:variable name="rest" select="substring-after($pointer, ':')"/>
    <xsl:sequence select="if ($ident = '' or starts-with($rest, '//')) then ()
                          else ($ed:prefix-defs[?ident = $ident][matches($rest, '^(?:' || ?match || ')$')]
                                ! replace($rest, '^(?:' || ?match || ')$', ?replace))[1]"/>
  </xsl:function>

  <!-- A URL as identifiers are compared: scheme, case of the host and a trailing slash do not count. -->
  <xsl:function name="ed:comparable-uri" as="xs:string">
    <xsl:param name="uri" as="xs:string"/>
    <xsl:variable name="u" select="normalize-space($uri)"/>
    <xsl:variable name="host-first" select="if (matches($u, '^https?://[^/]+', 'i'))
        then '//' || lower-case(replace($u, '^https?://([^/]+).*$', '$1', 'i')) || replace($u, '^https?://[^/]+', '', 'i')
        else $u"/>
    <xsl:sequence select="replace($host-first, '/+$', '')"/>
  </xsl:function>

  <!--
    The entry a pointer names, if the edition has it: the id after '#' ("authorities.xml#giap",
    "#pmb50"), else the entry whose identifier is the URL it is or expands to, else (a key, an
    entry page's id) the pointer itself.
  -->
  <xsl:function name="ed:entry" as="element()?">
    <xsl:param name="ref" as="xs:string"/>
    <!-- Most pointers have neither scheme nor prefix ("authorities.xml#giap"): their id is read off at once. -->
    <xsl:sequence select="if (contains($ref, ':')) then ed:entry-by-uri($ref)
                          else $entries(if (contains($ref, '#')) then substring-after($ref, '#') else $ref)"/>
  </xsl:function>

  <!-- A prefixed pointer expanded, or a URL: the entry with that id after '#', or with that URL as its identifier. -->
  <xsl:function name="ed:entry-by-uri" as="element()?">
    <xsl:param name="ref" as="xs:string"/>
    <xsl:variable name="full" select="(ed:expand-pointer($ref), $ref)[1]"/>
    <xsl:sequence select="if (matches($full, '^https?://', 'i')) then $identifiers(ed:comparable-uri($full)) ! $entries(.)
                          else $entries(if (contains($full, '#')) then substring-after($full, '#') else $full)"/>
  </xsl:function>

  <!-- The entry a mention names: by its pointer (@ref, else @corresp), else by its @key. -->
  <xsl:function name="ed:mention-entry" as="element()?">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="(($mention/@ref, $mention/@corresp)[1] ! ed:entry(.), $mention/@key ! ed:entry(.))[1]"/>
  </xsl:function>

  <!-- The name element a mention stands for: its own, or for <rs>, that of the kind it names (persName for type="person"). -->
  <xsl:function name="ed:mention-name" as="xs:string">
    <xsl:param name="mention" as="element()"/>
    <xsl:param name="entry" as="element()?"/>
    <xsl:sequence select="if ($mention/self::tei:rs)
                          then (($entry ! ed:register(.), $ed:registers?*[?entry = $ed:rs-types(string($mention/@type))])[1]?mention, 'rs')[1]
                          else local-name($mention)"/>
  </xsl:function>

  <!-- An entry's names: the standard one first (as editions mark it: standard, reg, pref). -->
  <xsl:function name="ed:names" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" select="$entry/(tei:persName | tei:placeName | tei:orgName | tei:eventName | tei:title
                                                 | tei:objectIdentifier/tei:objectName)"/>
    <xsl:variable name="standard" select="$names[@type = ('standard', 'reg', 'pref', 'preferred')]"/>
    <xsl:sequence select="($standard, $names except $standard)"/>
  </xsl:function>

  <!-- A name's words, without the identifiers some editions put inside names. -->
  <xsl:function name="ed:name-text" as="xs:string">
    <xsl:param name="name" as="element()?"/>
    <xsl:sequence select="normalize-space(string-join($name//text()[not(ancestor::tei:idno)], ' '))"/>
  </xsl:function>

  <xsl:function name="ed:standard-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="(ed:name-text(ed:names($entry)[1])[. != ''], string($entry/@xml:id))[1]"/>
  </xsl:function>

  <!-- The register (map from $ed:registers) an entry belongs to, found by its element (person, place, …): a page asks for every mention it links. -->
  <xsl:variable name="ed:register-of-entry" as="map(xs:string, map(*))" select="map:merge($ed:registers?* ! map { ?entry: . })"/>

  <xsl:function name="ed:register" as="map(*)?">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="$ed:register-of-entry(local-name($entry))"/>
  </xsl:function>

  <!-- Link from a page to an entry's own page in its register (registers/persons/vo-nguyen-giap.html). -->
  <xsl:function name="ed:entry-href" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="$path-to-root || ed:entry-path($entry)"/>
  </xsl:function>

  <xsl:function name="ed:entry-path" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="concat('registers/', ed:register($entry)?page, '/', encode-for-uri($entry/@xml:id), '.html')"/>
  </xsl:function>

  <!--
    What a page shows of each entry where it is mentioned (its page from the edition's root, its
    standard name, the name element of its kind), by id: made once per thread when the entries are
    (src/transform/transform.ts, authorityParams), as the $faces parameter, and only looked up for
    each mention (working them out on every page was a third of its time).
  -->
  <xsl:function name="ed:entry-faces" as="map(xs:string, map(*))" visibility="public">
    <xsl:param name="entries" as="map(xs:string, element())"/>
    <xsl:sequence select="map:merge(map:for-each($entries, function ($id, $entry) {
        map { $id: map { 'path': ed:entry-path($entry), 'title': ed:standard-name($entry), 'mention': ed:register($entry)?mention } }
      }))"/>
  </xsl:function>

</xsl:stylesheet>
