<?xml version="1.0" encoding="UTF-8"?>
<!-- Reading the authority entries: their names, their registers (which entry a pointer names is src/model/pointers.ts's to say). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <!-- Each kind of list: its register page, its title, and the mention element that points to it. -->
  <xsl:variable name="ed:registers" as="map(xs:string, map(*))" select="map {
      'listPerson': map { 'page': 'persons', 'title': ed:text('register.listPerson'), 'entry': 'person', 'mention': 'persName' },
      'listPlace': map { 'page': 'places', 'title': ed:text('register.listPlace'), 'entry': 'place', 'mention': 'placeName' },
      'listOrg': map { 'page': 'organisations', 'title': ed:text('register.listOrg'), 'entry': 'org', 'mention': 'orgName' },
      'listObject': map { 'page': 'objects', 'title': ed:text('register.listObject'), 'entry': 'object', 'mention': 'objectName' },
      'listEvent': map { 'page': 'events', 'title': ed:text('register.listEvent'), 'entry': 'event', 'mention': 'eventName' },
      'listBibl': map { 'page': 'works', 'title': ed:text('register.listBibl'), 'entry': 'bibl', 'mention': 'title' }
    }"/>

  <!-- An entry's names: the standard one first (as editions mark it: standard, reg, pref). -->
  <xsl:function name="ed:names" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" select="$entry/(tei:persName | tei:placeName | tei:orgName | tei:eventName | tei:title
                                                 | tei:objectIdentifier/tei:objectName)"/>
    <xsl:variable name="standard" select="$names[@type = ('standard', 'reg', 'pref', 'preferred')]"/>
    <xsl:sequence select="($standard, $names except $standard)"/>
  </xsl:function>

  <!--
    A name's words, without the identifiers some editions put inside names. A person's name written
    in parts, a surname and forenames with nothing but spaces and commas between them, reads as an
    index lists it: "Schnitzler, Arthur", "Hofmannsthal, Hugo von" (src/model/authorities.ts, nameText,
    reads it alike). Other names read as written, parts side by side apart, punctuation in its place.
  -->
  <xsl:function name="ed:name-text" as="xs:string">
    <xsl:param name="name" as="element()?"/>
    <xsl:variable name="parts" select="ed:name-parts($name)"/>
    <xsl:variable name="surnames" select="$parts[self::tei:surname]"/>
    <xsl:sequence select="if (exists($parts)) then string-join((string-join($surnames ! ed:words(.), ' ') || ',', ($parts except $surnames) ! ed:words(.)), ' ')
                          else ed:words($name)"/>
  </xsl:function>

  <!-- A person's name written in parts (a surname and forenames, nothing but spaces and commas between): its parts; else none. -->
  <xsl:function name="ed:name-parts" as="element()*">
    <xsl:param name="name" as="element()?"/>
    <xsl:variable name="parts" select="$name/*[not(self::tei:idno)]"/>
    <xsl:sequence select="if (exists($parts[self::tei:surname]) and exists($parts[self::tei:forename]) and $name/self::tei:persName
                              and empty($name/text()[not(matches(., '^[\s,]*$'))]) and empty($parts[not(self::tei:surname or self::tei:forename or self::tei:nameLink or self::tei:genName or self::tei:addName or self::tei:roleName)]))
                          then $parts else ()"/>
  </xsl:function>

  <!-- An entry's name as running text says it: a person's name in parts forenames first ("Arthur Schnitzler", "Hugo von Hofmannsthal": src/model/authorities.ts, readingOrder); another as listed. -->
  <xsl:function name="ed:reading-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="parts" select="ed:name-parts(ed:names($entry)[1])"/>
    <xsl:sequence select="if (exists($parts)) then string-join(($parts[self::tei:roleName], $parts[self::tei:forename], $parts[self::tei:nameLink], $parts[self::tei:surname],
                                                                 $parts[self::tei:genName or self::tei:addName]) ! ed:words(.), ' ')
                          else ed:standard-name($entry)"/>
  </xsl:function>

  <!-- An element's words: its texts but identifiers, parts written side by side apart ("<forename>Arthur</forename><surname>…"), punctuation in its place ("Marceau, Louise"). -->
  <xsl:function name="ed:words" as="xs:string">
    <xsl:param name="e" as="element()?"/>
    <xsl:sequence select="replace(normalize-space(string-join($e//text()[not(ancestor::tei:idno)], ' ')), ' ([,.;:])', '$1')"/>
  </xsl:function>

  <!--
    Where an entry stands in its register: its @sortKey, else its name as an index lists it,
    without a particle it begins with ("van Gogh" under G); compared as the edition's language
    sorts (the register's xsl:sort names the language's collation).
  -->
  <xsl:function name="ed:sort-key" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="($entry/@sortKey, ed:names($entry)[1]/@sortKey, replace(ed:standard-name($entry), '^(von|van|de|di|da|du|der|den|del|della|la|le|zu|vom|zum|zur)\s+|^(d|l)[’'']', ''))[1] ! string()"/>
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
    name as running text says it, the name element of its kind), by id, as JSON: made once per thread when the
    entries are (src/transform/transform.ts, authorityContext), and written onto each mention when
    a source is prepared (src/transform/mentions.ts).
  -->
  <xsl:function name="ed:entry-faces-json" as="xs:string" visibility="public">
    <xsl:param name="entries" as="map(xs:string, element())"/>
    <!-- No inline function: Saxon-HE (Java, Debian's 9.9) has none, and editors run these stylesheets with it. -->
    <xsl:sequence select="serialize(map:merge(for $id in map:keys($entries) return
        map { $id: map { 'path': ed:entry-path($entries($id)), 'title': ed:reading-name($entries($id)), 'mention': ed:register($entries($id))?mention } }
      ), map { 'method': 'json' })"/>
  </xsl:function>

</xsl:stylesheet>
