<?xml version="1.0" encoding="UTF-8"?>
<!--
  editio's format-independent layer: parameters, functions, and the templates every output
  shares. Templates here decide what a TEI element means (a mention, a date, supplied text);
  they hand the rendering to a few contract templates (ed:block, ed:inline, ed:mention,
  ed:note) that each output format (html, text) implements once.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    xmlns:p="urn:x-editio:prepared"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:array="http://www.w3.org/2005/xpath-functions/array"
    exclude-result-prefixes="#all">

  <xsl:include href="params.xsl"/>
  <xsl:include href="language.xsl"/>
  <xsl:include href="dates.xsl"/>
  <xsl:include href="authorities.xsl"/>
  <xsl:include href="anchors.xsl"/>
  <xsl:include href="plain.xsl"/>
  <xsl:include href="letters.xsl"/>
  <xsl:include href="quotation.xsl"/>
  <xsl:include href="drama.xsl"/>
  <xsl:include href="verse.xsl"/>
  <xsl:include href="sources.xsl"/>
  <xsl:include href="structure.xsl"/>
  <xsl:include href="linking.xsl"/>
  <xsl:include href="apparatus.xsl"/>

  <!-- Indentation between elements that hold only elements is not text. -->
  <xsl:strip-space elements="tei:TEI tei:teiHeader tei:fileDesc tei:titleStmt tei:publicationStmt tei:sourceDesc
                             tei:profileDesc tei:abstract tei:creation tei:correspDesc tei:correspAction tei:text
                             tei:body tei:div tei:list tei:standOff tei:listPerson tei:listPlace tei:listOrg
                             tei:listObject tei:listEvent tei:person tei:place tei:org tei:object tei:event"/>

  <xsl:variable name="ed:edition" as="map(*)" select="parse-json($edition-json)"/>
  <xsl:variable name="ed:documents" as="array(*)" select="parse-json($documents-json)"/>

  <!-- The editors' names in a line: set apart by semicolons when a name holds a comma ("Müller, Martin Anton"). -->
  <xsl:function name="ed:editors" as="xs:string">
    <xsl:variable name="names" select="$ed:edition?editors?*"/>
    <xsl:sequence select="string-join($names, if (some $name in $names satisfies contains($name, ',')) then '; ' else ', ')"/>
  </xsl:function>

  <!--
    Strings each once, in their order. (Not distinct-values: SaxonJS overflows its stack hashing
    a string of some tens of thousands of characters, which a name in an index may be.)
  -->
  <xsl:function name="ed:each-once" as="xs:string*">
    <xsl:param name="strings" as="xs:string*"/>
    <xsl:sequence select="for $i in 1 to count($strings) return $strings[$i][not(. = subsequence($strings, 1, $i - 1))]"/>
  </xsl:function>

  <!-- ===== The document's header, read the same way by every format ===== -->

  <!-- The document element: a TEI, or a teiCorpus of them. -->
  <xsl:function name="ed:root" as="element()?">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="$doc/(tei:TEI | tei:teiCorpus)"/>
  </xsl:function>

  <!-- The texts to show: a TEI's text, or each text of a teiCorpus, in order. -->
  <xsl:function name="ed:texts" as="element(tei:text)*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei/(tei:text | .//tei:TEI/tei:text)"/>
  </xsl:function>

  <!-- The document's title: the main title of its titleStmt. -->
  <!--
    A document's own title: the main one, else the analytic one (level "a": a letter within the
    series a level "s" title names), else the first with neither level nor type, else the first,
    else (a header without a title) the first heading of its text.
  -->
  <xsl:function name="ed:title" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="titles" select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title"/>
    <xsl:sequence select="(($titles[@type = 'main'], $titles[@level = 'a'], $titles[not(@level | @type)], $titles, ($tei/tei:text//tei:head)[1])
                           ! normalize-space(.), '')[. != '' or position() = last()][1]"/>
  </xsl:function>

  <!-- A document's language (BCP 47): its xml:lang (on the TEI or its text), else the one language its header says it uses. -->
  <xsl:function name="ed:language" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="used" select="$tei/tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language[@ident]"/>
    <xsl:sequence select="(ed:lang($tei), ed:lang($tei/tei:text), $used[count($used) = 1] ! ed:lang(.))[1]"/>
  </xsl:function>

  <!-- An element's own language as BCP 47 writes it (src/transform/prepare.ts wrote p:lang where the source's form differs: deu → de). -->
  <xsl:function name="ed:lang" as="xs:string?">
    <xsl:param name="e" as="element()?"/>
    <xsl:sequence select="($e/@p:lang, $e/@xml:lang, $e/self::tei:language/@ident)[1] ! string()"/>
  </xsl:function>

  <!--
    The date the document was written: its creation date, else its sending, else its dateline;
    for a play, the dates drama corpora keep beside the text (standOff/listEvent: written, else
    printed, else first performed). src/model/header.ts (documentDate) reads the same.
  -->
  <xsl:function name="ed:document-date" as="element()?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="profile" select="$tei/tei:teiHeader/tei:profileDesc"/>
    <xsl:variable name="events" select="$tei/tei:standOff/tei:listEvent/tei:event[@when or @notBefore or @notAfter or @from]"/>
    <xsl:sequence select="($profile/tei:creation/tei:date,
                           $profile/tei:correspDesc/tei:correspAction[@type = 'sent']/tei:date,
                           $tei/tei:text//tei:dateline//tei:date,
                           $events[@type = 'written'], $events[@type = 'print'], $events[@type = 'premiere'])[1]"/>
  </xsl:function>

  <!-- The date a document's Date field gives: its own, unless only its sending dates it (its Sent field says it then). -->
  <xsl:function name="ed:field-date" as="element()?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="ed:document-date($tei)[empty(parent::tei:correspAction)]"/>
  </xsl:function>

  <!-- A sending's or a receiving's parties: its senders or addressees, each a name that may hold a comma ("Hofmannsthal, Hugo von"). -->
  <xsl:function name="ed:parties" as="element()*">
    <xsl:param name="action" as="element(tei:correspAction)"/>
    <xsl:sequence select="$action/*[not(self::tei:placeName or self::tei:date or self::tei:settlement)]"/>
  </xsl:function>

  <!-- Where and when a sending or a receiving was, less a date the Date field ($field-date) gives already. -->
  <xsl:function name="ed:where-when" as="element()*">
    <xsl:param name="action" as="element(tei:correspAction)"/>
    <xsl:param name="field-date" as="element()?"/>
    <xsl:sequence select="($action/* except ed:parties($action))[not(self::tei:date and exists($field-date) and ed:date-label(.) = ed:date-label($field-date))]"/>
  </xsl:function>

  <!--
    The heading the text gives itself: the first head of its one division (a page shows it as its
    title). A text of several divisions (a play's acts, a report's sections) heads its first with
    its first head, which is that part's heading, not the text's: the page takes the header's title.
    So does a play of one scene: its division is a scene of the play.
  -->
  <xsl:function name="ed:heading-element" as="element(tei:head)?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei/tei:text/tei:body/tei:div[ed:titled-division(.)]/tei:head[1]"/>
  </xsl:function>

  <!-- A document's one division, whose heading is its page's title (a teiCorpus's members keep theirs). -->
  <xsl:function name="ed:titled-division" as="xs:boolean">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="exists($div/self::tei:div/parent::tei:body[count(tei:div) = 1]/parent::tei:text[not(.//tei:sp)]/parent::tei:TEI[not(parent::*)])"/>
  </xsl:function>

  <!-- The heading the text gives itself, or failing that the header's title. -->
  <xsl:function name="ed:heading" as="node()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="head" select="ed:heading-element($tei)"/>
    <xsl:choose>
      <xsl:when test="$head"><xsl:sequence select="$head/node()"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="ed:title($tei)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A note's number: the shown notes up to it, counted when the source was prepared (src/transform/prepare.ts). -->
  <xsl:function name="ed:note-number" as="xs:integer">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="xs:integer($note/@p:n)"/>
  </xsl:function>

  <!-- Only http(s) and relative URLs are ever linked: no javascript:, data: or file: URL. -->
  <xsl:function name="ed:safe-href" as="xs:string?">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:variable name="u" select="normalize-space($url)"/>
    <xsl:sequence select="if (matches($u, '^https?://[^\s]+$', 'i')
                              or ($u != '' and not(matches($u, '^[a-z][a-z0-9+.\-]*:', 'i'))
                                  and not(starts-with($u, '//'))))
                          then $u else ()"/>
  </xsl:function>

  <!-- ===== Shared rules: what an element means ===== -->

  <xsl:template match="tei:teiHeader"/>

  <!-- A TEI document within another's text (a teiCorpus's member, an embedded document): its text. -->
  <xsl:template match="tei:TEI">
    <xsl:apply-templates select="tei:text"/>
  </xsl:template>

  <!-- Annotations kept beside the text (standOff: records, events, relations): the registers and the chronology read them, not the text. -->
  <xsl:template match="tei:standOff"/>

  <!-- Rendered as the page's title by each format, not again inside the text (a teiCorpus's documents keep theirs: the page's title is the corpus's). -->
  <xsl:template match="tei:div[ed:titled-division(.)]/tei:head[1]" priority="2"/>

  <!-- Paragraphs, headings and list items: the blocks of the text, each with its anchor for citing. -->
  <xsl:template match="tei:p | tei:head | tei:item">
    <xsl:call-template name="ed:block">
      <xsl:with-param name="kind" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A gap stands as a block of its own between blocks, and inline within a line of text. -->
  <xsl:template match="tei:gap">
    <xsl:variable name="shown" as="node()*">
      <xsl:choose>
        <xsl:when test="tei:desc"><xsl:apply-templates select="tei:desc/node()"/></xsl:when>
        <xsl:otherwise><xsl:text>[…]</xsl:text></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="ed:in-block-context(.)">
        <xsl:call-template name="ed:block">
          <xsl:with-param name="kind" select="'gap'"/>
          <xsl:with-param name="content" select="$shown"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="ed:inline">
          <xsl:with-param name="kind" select="'gap'"/>
          <xsl:with-param name="label" select="string-join((@reason, @extent ! ('extent: ' || .)), '; ')"/>
          <xsl:with-param name="content" select="$shown"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Names are marked whatever their pointer (@ref, @corresp, @key, or none); so are <rs> and a title that points to a work. -->
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:objectName | tei:eventName | tei:rs | tei:title[@ref]">
    <!-- Which entry it names is worked out when the source is prepared (src/transform/mentions.ts), for the formats that show it. -->
    <xsl:call-template name="ed:mention"/>
  </xsl:template>

  <!--
    Index records kept with a document, such as the persons, places and works a letter carries in its back, are
    the registers' entries, not text to read: their pages show them, the mentions link there.
  -->
  <xsl:template match="tei:back//tei:listPerson[*/@xml:id] | tei:back//tei:listPlace[*/@xml:id] | tei:back//tei:listOrg[*/@xml:id]
                       | tei:back//tei:listObject[*/@xml:id] | tei:back//tei:listEvent[*/@xml:id] | tei:back//tei:listBibl[*/@xml:id]
                       | tei:back//tei:listRelation" priority="2"/>

  <!-- Whether a node is part of an index record (in a list of the back matter, the standOff or the header), not of what the document says. -->
  <xsl:function name="ed:in-record" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="exists($node/ancestor::*[self::tei:back or self::tei:standOff or self::tei:teiHeader])
                          and exists($node/ancestor::*[self::tei:listPerson or self::tei:listPlace or self::tei:listOrg or self::tei:listObject
                                                       or self::tei:listEvent or self::tei:listBibl or self::tei:listRelation])"/>
  </xsl:function>

  <!-- A date: the source's words, with the date in the edition's words (its attributes) to explain them. -->
  <xsl:template match="tei:date">
    <xsl:call-template name="ed:inline">
      <xsl:with-param name="kind" select="'date'"/>
      <xsl:with-param name="label" select="ed:date-label(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Text the editors supply: between square brackets, with who supplied it to explain it. -->
  <xsl:template match="tei:supplied">
    <xsl:call-template name="ed:inline">
      <xsl:with-param name="kind" select="'supplied'"/>
      <xsl:with-param name="label" select="ed:text(if (@reason = 'translator-insertion') then 'transcription.supplied-translator' else 'transcription.supplied')"/>
      <xsl:with-param name="content" as="node()*">
        <xsl:text>[</xsl:text>
        <xsl:apply-templates/>
        <xsl:text>]</xsl:text>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!--
    Transcription: what the writer struck out and added, what the editors read with doubt,
    corrected, expanded or regularised. A diplomatic view shows the source's own state (deletions,
    the error as written, the abbreviation), a reading view the text as it is meant to be read
    (the correction, the expansion); each format shows what it can (the text edition, the reading).
  -->
  <xsl:template match="tei:del | tei:choice/tei:sic | tei:choice/tei:abbr | tei:choice/tei:orig | tei:am">
    <xsl:call-template name="ed:variant">
      <xsl:with-param name="view" select="'diplomatic'"/>
      <xsl:with-param name="label" select="ed:transcription-label(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The reading view of a transcription choice: the correction, the expansion, the regularised form. -->
  <xsl:template match="tei:choice/tei:corr | tei:choice/tei:expan | tei:choice/tei:reg | tei:ex">
    <xsl:call-template name="ed:variant">
      <xsl:with-param name="view" select="'reading'"/>
      <xsl:with-param name="label" select="ed:transcription-label(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Transcription the writer or the editors made: marked in the line, what it is on hover (ed:transcription-label). -->
  <xsl:template match="tei:add | tei:unclear | tei:sic | tei:corr | tei:abbr | tei:expan | tei:orig | tei:reg | tei:choice | tei:subst | tei:damage | tei:surplus | tei:restore">
    <xsl:call-template name="ed:inline">
      <xsl:with-param name="kind" select="local-name()"/>
      <xsl:with-param name="label" select="ed:transcription-label(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- What a transcription element says, for a reader who hovers over it. -->
  <xsl:function name="ed:transcription-label" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="how" select="string-join(($e/@place ! ed:text('transcription.place', map { 'value': string(.) }),
                                                  $e/@rend ! ed:text('transcription.rend', map { 'value': string(.) }),
                                                  $e/@hand ! ed:text('transcription.hand', map { 'value': replace(., '^#', '') }),
                                                  $e/@reason ! ed:text('transcription.reason', map { 'value': string(.) }),
                                                  $e/@cert ! ed:text('transcription.cert', map { 'value': string(.) })), '; ')"/>
    <xsl:variable name="what" select="if (local-name($e) = ('del', 'add', 'unclear', 'sic', 'corr', 'abbr', 'expan', 'orig', 'reg', 'am', 'ex', 'damage', 'surplus', 'restore'))
                                      then ed:text('transcription.' || local-name($e)) else ()"/>
    <xsl:sequence select="if (empty($what)) then () else string-join(($what, $how[. != '']), ' — ')"/>
  </xsl:function>

  <!-- Phrases of their kind: a role or title of a person, highlighting, a foreign word, a name, a title of a work, an identifier. -->
  <xsl:template match="tei:roleName | tei:hi | tei:foreign | tei:name | tei:title | tei:idno">
    <xsl:call-template name="ed:inline">
      <xsl:with-param name="kind" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A note: numbered in the text, its words at the foot (or the end) of the document. -->
  <xsl:template match="tei:note">
    <xsl:call-template name="ed:note"/>
  </xsl:template>

  <!-- A point the text names for pointers to find: no words of its own. -->
  <xsl:template match="tei:anchor">
    <xsl:call-template name="ed:inline">
      <xsl:with-param name="kind" select="'anchor'"/>
      <xsl:with-param name="content" select="()"/>
    </xsl:call-template>
  </xsl:template>

  <!--
    Where a span begins or ends (an addition or deletion running over several lines, a change of
    hand, a milestone, a movement on stage): the text within is transcribed as it stands, and the
    point itself has nothing to read.
  -->
  <xsl:template match="tei:addSpan | tei:delSpan | tei:damageSpan | tei:handShift | tei:milestone | tei:move | tei:alt | tei:join | tei:link | tei:linkGrp | tei:fw[@type = ('catch', 'sig')]"/>

  <!-- Line and page beginnings; with @break="no" the word runs on, so nothing is shown. -->
  <xsl:template match="tei:lb | tei:pb | tei:cb">
    <xsl:if test="not(@break = 'no')">
      <xsl:call-template name="ed:milestone"/>
    </xsl:if>
  </xsl:template>

  <!-- Space the source leaves between words (<space/>) is a word boundary, shown as one space. -->
  <xsl:template match="tei:space">
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- The layout whitespace around a break inside a word is no space in the text. -->
  <xsl:template match="text()[following-sibling::node()[1][self::tei:lb or self::tei:pb or self::tei:cb][@break = 'no']]" priority="0.6">
    <xsl:value-of select="replace(ed:text-without-leading-break-space(.), '\s+$', '')"/>
  </xsl:template>

  <xsl:template match="text()[preceding-sibling::node()[1][self::tei:lb or self::tei:pb or self::tei:cb][@break = 'no']]">
    <xsl:value-of select="ed:text-without-leading-break-space(.)"/>
  </xsl:template>

  <xsl:function name="ed:text-without-leading-break-space" as="xs:string">
    <xsl:param name="text" as="text()"/>
    <xsl:sequence select="if ($text/preceding-sibling::node()[1][self::tei:lb or self::tei:pb or self::tei:cb][@break = 'no'])
                          then replace($text, '^\s+', '') else string($text)"/>
  </xsl:function>

  <!--
    Elements editio has no specific rendering for keep their text, in reading order: an element
    holding only elements is a container; one standing among blocks is a block of its own;
    anything else runs inline. Foreign-namespace content is treated the same way, never dropped.
  -->
  <xsl:template match="*" priority="-1">
    <xsl:choose>
      <xsl:when test="ed:in-block-context(.) and ed:is-container(.)">
        <xsl:call-template name="ed:container"/>
      </xsl:when>
      <xsl:when test="ed:in-block-context(.)">
        <xsl:call-template name="ed:block">
          <xsl:with-param name="kind" select="'block'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <!-- Parts set side by side with no words between (a stamp's place, date and time; a bibliography's author, title, imprint) keep a space apart. -->
        <xsl:call-template name="ed:inline">
          <xsl:with-param name="kind" select="if (ed:renders-plainly(.)) then local-name() else 'unrendered'"/>
          <xsl:with-param name="content" as="node()*">
            <xsl:call-template name="ed:spaced-parts"/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    A phrase: an element that runs within a line of words wherever it stands (a name, a date, a
    highlight, transcription, a quotation, a break), even when it holds only phrases
    ("<rs><hi>Italia</hi></rs>").
  -->
  <xsl:function name="ed:is-phrase" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::tei:persName or self::tei:placeName or self::tei:orgName or self::tei:objectName
                          or self::tei:eventName or self::tei:date or self::tei:supplied or self::tei:roleName or self::tei:hi
                          or self::tei:foreign or self::tei:name or self::tei:title or self::tei:idno or self::tei:note
                          or self::tei:lb or self::tei:pb or self::tei:cb or self::tei:ref or self::tei:ptr or self::tei:gi or self::tei:att
                          or self::tei:rs or self::tei:space or self::tei:del or self::tei:add or self::tei:unclear or self::tei:choice
                          or self::tei:subst or self::tei:sic or self::tei:corr or self::tei:abbr or self::tei:expan or self::tei:orig or self::tei:reg
                          or self::tei:q or self::tei:said or self::tei:soCalled or self::tei:emph or self::tei:mentioned or self::tei:term
                          or self::tei:gloss or self::tei:role or self::tei:actor or self::tei:anchor or self::tei:seg or self::tei:c or self::tei:g
                          or self::tei:w or self::tei:pc or self::tei:measure or self::tei:num or self::tei:time])"/>
  </xsl:function>

  <!--
    What an element that is a part of a text's structure renders as, where it stands (the genre
    modules' parts: a closer, a speech, a stanza, a field of a description): among blocks, a
    section of blocks (when it holds more than phrases) or a block of words; within a line of
    words, a phrase, its parts set apart by a space.
  -->
  <xsl:template name="ed:text-part">
    <xsl:param name="kind" as="xs:string" select="local-name()"/>
    <!-- What it holds, when a rule says (a speaker's mention of its role). -->
    <xsl:param name="content" as="node()*" select="()"/>
    <xsl:choose>
      <!-- (A part that holds only phrases, an address line of a name in a highlight, is a block of words.) -->
      <xsl:when test="ed:in-block-context(.) and ed:is-container(.) and empty($content) and exists(*[not(ed:is-phrase(.))])">
        <xsl:call-template name="ed:section">
          <xsl:with-param name="kind" select="$kind"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="ed:in-block-context(.)">
        <xsl:call-template name="ed:block">
          <xsl:with-param name="kind" select="$kind"/>
          <xsl:with-param name="content" as="node()*">
            <xsl:choose>
              <xsl:when test="exists($content)"><xsl:sequence select="$content"/></xsl:when>
              <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="ed:inline">
          <xsl:with-param name="kind" select="$kind"/>
          <xsl:with-param name="content" as="node()*">
            <xsl:choose>
              <xsl:when test="exists($content)"><xsl:sequence select="$content"/></xsl:when>
              <xsl:otherwise><xsl:call-template name="ed:spaced-parts"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An element's content; when it holds only elements, each apart from the next by a space (the words of blocks set in a line). -->
  <xsl:template name="ed:spaced-parts">
    <xsl:choose>
      <xsl:when test="ed:is-container(.)">
        <xsl:for-each select="*">
          <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
          <xsl:apply-templates select="."/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    Element-only content: no text of its own besides layout whitespace. Looked up in an index of
    the elements that have words of their own: each child of a list asks it of the list, and a
    list of thousands (an index of works kept as a document) would be read through as often.
  -->
  <xsl:key name="ed:with-words" match="*[text()[normalize-space()]]" use="generate-id()"/>
  <xsl:function name="ed:is-container" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/*) and (if (root($e) instance of document-node())
                                             then empty(key('ed:with-words', generate-id($e), root($e)))
                                             else empty($e/text()[normalize-space()]))"/>
  </xsl:function>

  <!-- Whether an element stands where blocks stand: among the children of a container. -->
  <xsl:function name="ed:in-block-context" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="parent" select="$e/.."/>
    <xsl:sequence select="$parent instance of element()
                          and ($parent[self::tei:body or self::tei:div or self::tei:front or self::tei:back or self::tei:text
                                       or self::tei:group or self::tei:lg or self::tei:sp]
                               or (ed:is-container($parent) and not(ed:is-block($parent))
                                   and not($parent[self::tei:note or self::tei:p or self::tei:head or self::tei:hi or self::tei:bibl
                                                   or self::tei:biblStruct or self::tei:biblFull or self::tei:analytic or self::tei:monogr
                                                   or self::tei:imprint or self::tei:series])
                                   and ed:in-block-context($parent)))"/>
  </xsl:function>

  <!-- ===== Contract templates: the plain rendering, overridden by each format ===== -->

  <!-- A block of running text (paragraph, heading, dateline, gap). -->
  <xsl:template name="ed:block">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="content" as="node()*">
      <xsl:apply-templates/>
    </xsl:param>
    <xsl:sequence select="$content"/>
  </xsl:template>

  <!-- A phrase with a meaning (date, supplied text, role name); $label explains it. -->
  <xsl:template name="ed:inline">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="label" as="xs:string?" select="()"/>
    <xsl:param name="content" as="node()*">
      <xsl:apply-templates/>
    </xsl:param>
    <xsl:sequence select="$content"/>
  </xsl:template>

  <!-- A mention of an authority entry (its prepared attributes say which, if any). -->
  <xsl:template name="ed:mention">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- Words that belong to one view of the text ($view: 'diplomatic' or 'reading'): by default, the reading. -->
  <xsl:template name="ed:variant">
    <xsl:param name="view" as="xs:string"/>
    <xsl:param name="label" as="xs:string?" select="()"/>
    <xsl:if test="$view = 'reading'">
      <xsl:apply-templates/>
    </xsl:if>
  </xsl:template>

  <!-- A note: formats place it at the foot of the text. -->
  <xsl:template name="ed:note"/>

  <!-- A part of a text made of blocks, with a meaning ($kind: a speech, a stanza, a letter's closing): by default, its blocks. -->
  <xsl:template name="ed:section">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="content" as="node()*">
      <xsl:apply-templates/>
    </xsl:param>
    <xsl:sequence select="$content"/>
  </xsl:template>

  <!-- An element whose content is blocks: by default, just those blocks. -->
  <xsl:template name="ed:container">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- A line, column or page beginning: by default, a space. -->
  <xsl:template name="ed:milestone">
    <xsl:text> </xsl:text>
  </xsl:template>

</xsl:stylesheet>
