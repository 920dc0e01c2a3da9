<?xml version="1.0" encoding="UTF-8"?>
<!--
  The parts of a letter (TEI's textstructure and core modules): its opening and closing, the
  dateline, the salutation and signature, a postscript, an address. Each is laid out as a letter
  lays them out (xslt/common/genres.css): a dateline and a signature to the right, the
  closing set off from the text, a postscript set apart below it, an address line by line.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    exclude-result-prefixes="#all">

  <!--
    Parts that hold either blocks (a closer of a salute and a signature) or a run of words with
    parts in it ("Herzlich Ihr <signed>Arthur</signed>"): a section, or a block, as they hold.
  -->
  <xsl:template match="tei:opener | tei:closer | tei:postscript | tei:address | tei:dateline | tei:salute | tei:signed
                       | tei:byline | tei:epigraph | tei:argument | tei:trailer | tei:docImprint | tei:docEdition">
    <xsl:call-template name="ed:text-part"/>
  </xsl:template>

  <!--
    The senders or addressees a letter's text marks, where its header names none of that side (no
    correspAction): FRUS heads a despatch "Mr. <persName type="from">Adee</persName> to Mr.
    <persName type="to">Taylor</persName>"; others mark a name with @role or @ana ("#sender").
    Names in notes, in an enclosure (a floatingText, a division within the letter's) or in
    another vocabulary are not the letter's. As src/transform/marked-parties.ts reads them.
  -->
  <xsl:function name="ed:marked-parties" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="side" as="xs:string"/>
    <xsl:sequence select="if ($tei/tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = $side]) then ()
                          else $tei/tei:text//(tei:persName | tei:orgName | tei:name | tei:rs | tei:gloss)
                               [ed:party-side(.) = $side]
                               [not(ancestor::*[ed:party-side(.) or self::tei:note or self::tei:floatingText or namespace-uri() != 'http://www.tei-c.org/ns/1.0'])]
                               [count(ancestor::tei:div) le 1]"/>
  </xsl:function>

  <!-- What a sending or a receiving is called in a letter's fields: the catalogue's word for the usual types, else the type as written. -->
  <xsl:function name="ed:correspondence-label" as="xs:string">
    <xsl:param name="type" as="xs:string?"/>
    <xsl:sequence select="if ($type = ('sent', 'received', 'transmitted', 'redirected', 'forwarded')) then ed:text('field.' || $type)
                          else concat(upper-case(substring($type, 1, 1)), substring($type, 2))"/>
  </xsl:function>

  <!-- Which side a name marks: its @type (not an rs's, which says what it names), @role or @ana, each a list of tokens or pointers ("#sender"). -->
  <xsl:function name="ed:party-side" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="tokens" select="($e[not(self::tei:rs)]/@type, $e/@role, $e/@ana) ! tokenize(lower-case(.)) ! replace(., '^.*[#:]', '')"/>
    <xsl:sequence select="if ($tokens = ('from', 'sender', 'sent')) then 'sent'
                          else if ($tokens = ('to', 'addressee', 'recipient', 'received')) then 'received' else ()"/>
  </xsl:function>

  <!-- A line of an address is a line of its own, in the address as on the envelope. -->
  <xsl:template match="tei:addrLine">
    <xsl:call-template name="ed:text-part">
      <xsl:with-param name="kind" select="'line'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- An address on the envelope or letterhead written in parts (street, postCode, settlement) reads as one line per part. -->
  <xsl:template match="tei:address/tei:street | tei:address/tei:postCode | tei:address/tei:postBox | tei:address/tei:name
                       | tei:address/tei:settlement | tei:address/tei:country | tei:address/tei:region | tei:address/tei:district" priority="2">
    <xsl:call-template name="ed:text-part">
      <xsl:with-param name="kind" select="'line'"/>
    </xsl:call-template>
  </xsl:template>

  <!--
    A seg the source sets on a line of its own, at a margin or centred (as Schnitzler's letters
    set a dateline's date at the right: a seg with rend="right"): a line, as the source has it.
    (The registers' quotations part words there too: src/transform/block-words.ts.)
  -->
  <xsl:template match="tei:seg[ed:sets-a-line(.)]">
    <xsl:call-template name="ed:text-part">
      <xsl:with-param name="kind" select="'line'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:function name="ed:sets-a-line" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="tokenize(lower-case(normalize-space($e/@rend))) = ('right', 'left', 'center', 'centre', 'block', 'align-right', 'align-left', 'align-center')"/>
  </xsl:function>

</xsl:stylesheet>
