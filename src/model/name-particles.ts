/** Lower-case words that stand between forenames and a surname and belong to the surname ("von Hagen", "de la Tour"). */
export const SURNAME_PARTICLES: ReadonlySet<string> = new Set(['von', 'van', 'vom', 'zu', 'zur', 'de', 'du', 'des', 'di', 'da', 'del', 'della', 'der', 'den', 'ter', 'le', 'la']);
