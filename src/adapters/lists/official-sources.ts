/** One file of a publication: where the publisher serves it and the name Warden saves it as. */
export interface PublishedFile {
  readonly url: string;
  /** The name the file is saved as, which is also its path under a mirror's `<source>/`. */
  readonly saveAs: string;
}

const OFAC_EXPORTS = 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports';

/**
 * Where each source is officially published, in the formats Warden reads. The OFAC files
 * are the Sanctions List Service exports; the first file of each source is its primary.
 */
export const OFFICIAL_SOURCES: Readonly<Record<string, readonly PublishedFile[]>> = Object.freeze({
  'ofac-sdn': [
    { url: `${OFAC_EXPORTS}/SDN.CSV`, saveAs: 'sdn.csv' },
    { url: `${OFAC_EXPORTS}/ADD.CSV`, saveAs: 'add.csv' },
    { url: `${OFAC_EXPORTS}/ALT.CSV`, saveAs: 'alt.csv' },
    { url: `${OFAC_EXPORTS}/SDN_COMMENTS.CSV`, saveAs: 'sdn_comments.csv' },
  ],
  'ofac-cons': [
    { url: `${OFAC_EXPORTS}/CONS_PRIM.CSV`, saveAs: 'cons_prim.csv' },
    { url: `${OFAC_EXPORTS}/CONS_ADD.CSV`, saveAs: 'cons_add.csv' },
    { url: `${OFAC_EXPORTS}/CONS_ALT.CSV`, saveAs: 'cons_alt.csv' },
    { url: `${OFAC_EXPORTS}/CONS_COMMENTS.CSV`, saveAs: 'cons_comments.csv' },
  ],
  un: [{ url: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml', saveAs: 'consolidated.xml' }],
  uk: [{ url: 'https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv', saveAs: 'ConList.csv' }],
  eu: [
    {
      url: 'https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw',
      saveAs: 'eu_fsf.xml',
    },
  ],
  'us-csl': [{ url: 'https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv', saveAs: 'consolidated.csv' }],
});

/** What `warden lists pull` fetches when no source is named. */
export const DEFAULT_PULL_SOURCES = Object.freeze(['ofac-sdn', 'ofac-cons', 'un', 'uk', 'eu']);
