/**
 * The elements of the TEI P5 modules real editions use (Guidelines, chapters 3–16), by module:
 * what the table of element rules (docs/elements.md) covers. Every name is an element of
 * tei_all (test/docs/element-table.test.ts checks them against it where ../shared is present).
 */
const words = (s: string): string[] => s.trim().split(/\s+/);

export const TEI_MODULES: Readonly<Record<string, readonly string[]>> = {
  core: words(`abbr add addrLine address analytic author bibl biblScope biblStruct binaryObject cb choice cit citedRange corr date del
    desc distinct editor email emph expan foreign gap gloss graphic head headItem headLabel hi imprint index item l label lb lg list
    listBibl measure measureGrp meeting mentioned milestone monogr name note noteGrp num orig p pb postBox postCode ptr pubPlace
    publisher q quote ref reg relatedItem resp respStmt rs said series sic soCalled sp speaker stage street term textLang time title
    unclear unit`),
  textstructure: words(`TEI argument back body byline closer dateline div div1 div2 div3 div4 div5 div6 div7 docAuthor docDate docEdition
    docImprint docTitle epigraph floatingText front group imprimatur opener postscript salute signed text titlePage titlePart trailer`),
  header: words(`abstract appInfo application authority availability biblFull calendar calendarDesc catDesc catRef category change
    classCode classDecl correction correspAction correspContext correspDesc creation distributor edition editionStmt editorialDecl
    encodingDesc extent fileDesc funder geoDecl handNote hyphenation idno interpretation keywords langUsage language licence listChange
    listPrefixDef namespace normalization notesStmt prefixDef principal profileDesc projectDesc publicationStmt punctuation quotation
    refsDecl rendition revisionDesc samplingDecl schemaRef scriptNote segmentation seriesStmt sourceDesc sponsor stdVals styleDefDecl
    tagsDecl taxonomy teiHeader textClass titleStmt typeNote unitDecl unitDef xenoData`),
  msdescription: words(`accMat acquisition additional additions adminInfo altIdentifier binding bindingDesc catchwords collation
    collection colophon condition custEvent custodialHist decoDesc decoNote depth dim dimensions explicit filiation finalRubric foliation
    handDesc heraldry height history incipit institution layout layoutDesc locus locusGrp material msContents msDesc msFrag msIdentifier
    msItem msItemStruct msName msPart musicNotation objectDesc objectType origDate origPlace origin physDesc provenance recordHist
    repository rubric scriptDesc seal sealDesc secFol signatures source stamp summary support supportDesc surrogates typeDesc watermark
    width`),
  namesdates: words(`addName affiliation age birth bloc climate country death district education event eventName faith floruit forename
    genName geo geogFeat geogName langKnowledge langKnown listEvent listNym listObject listOrg listPerson listPlace listRelation location
    nameLink nationality nym object objectIdentifier objectName occupation offset org orgName persName person personGrp persona place
    placeName population region relation residence roleName settlement sex socecStatus state surname terrain trait`),
  transcr: words(`addSpan am damage damageSpan delSpan ex facsimile fw handShift line listTranspose metamark mod redo restore retrace
    secl sourceDoc space subst substJoin supplied surface surfaceGrp surplus transpose undo zone`),
  drama: words('actor camera caption castGroup castItem castList epilogue move performance prologue role roleDesc set sound spGrp tech view'),
  verse: words('caesura metDecl metSym rhyme'),
  figures: words('cell figDesc figure formula notatedMusic row table'),
  linking: words('ab alt altGrp anchor join joinGrp link linkGrp seg standOff timeline when'),
  textcrit: words('app lacunaEnd lacunaStart lem listApp listWit rdg rdgGrp variantEncoding wit witDetail witEnd witStart witness'),
};
