// Generated from the dataset catalogue by `npm run gen`. Do not edit.

/** An e-CO document (certificate or declaration of origin), dataset 1.1.0. */
export interface EcoDocument {
  /** Document header (1..1) */
  header: Header;
  /** Exporter (1..1) */
  exporter: Exporter;
  /** Producer (WCO DM R034, 0..n) */
  producers?: Producer[];
  /** Importer (0..1) */
  importer?: Importer;
  /** Consignee (0..1) */
  consignee?: Consignee;
  /** Third-party operator (0..1) */
  thirdPartyOperator?: ThirdPartyInvoicingOperator;
  /** Means of transport and route (0..1) */
  transport?: Transport;
  /** Goods item (1..n) */
  goodsItems: GoodsItem[];
  /** Totals (0..1) */
  totals?: Totals;
  /** Invoice (0..n) */
  invoices?: Invoice[];
  /** Declaration by the exporter (0..1) */
  exporterDeclaration?: ExporterDeclaration;
  /** Certification (0..1) */
  certification?: Certification;
  /** Special cases (0..1) */
  specialCases?: SpecialCases;
  /** Exhibition (0..1) */
  exhibition?: Exhibition;
  /** Original proof of origin (0..1) */
  backToBack?: OriginalProof;
  /** Replacement (0..1) */
  replacement?: Replacement;
  /** Self-declaration of origin (0..1) */
  selfDeclaration?: SelfDeclaration;
  /** Remarks (WCO DM 225, 0..1) */
  remarks?: string;
  /** Attachment (0..n) */
  attachments?: Attachment[];
}

/** Identification of the certificate or declaration of origin and the agreement under which it is made. */
export interface Header {
  /** Certificate reference number (WCO DM D014, 1..1) */
  number: string;
  /** Document type, coded (WCO DM D013, 1..1) */
  typeCode: string;
  /** Form type (0..1) */
  formType?: string;
  /** Agreement, coded (1..1) */
  agreementCode: string;
  /** Issuing country, coded (1..1) */
  issuingCountry: string;
  /** Country of destination, coded (WCO DM 465, 1..1) */
  importingCountry: string;
  /** Issue date (WCO DM D011, 1..1) */
  issueDate: string;
  /** Issue place (WCO DM D012, 0..1) */
  issuePlace?: string;
  /** Language, coded (0..1) */
  language?: string;
  /** Validity start date (0..1) */
  validFrom?: string;
  /** Validity end date (0..1) */
  validUntil?: string;
  /** Amendment version (0..1) */
  version?: number;
  /** Verification code (0..1) */
  verificationCode?: string;
}

/** Party who makes, or on whose behalf the export declaration is made, and who is the owner of the goods or has similar right of disposal over them at the time when the declaration is accepted. */
export interface Exporter {
  /** Exporter identifier (WCO DM R032, 0..1) */
  id?: string;
  /** Exporter name (WCO DM R031, 1..1) */
  name: string;
  /** Exporter address (0..1) */
  address?: ExporterAddress;
  /** Exporter contact (0..1) */
  contact?: ExporterContact;
}

/** Postal address of the exporter. */
export interface ExporterAddress {
  /** Street and number / P.O. box (WCO DM 239, 0..1) */
  line?: string;
  /** City name (WCO DM 241, 0..1) */
  city?: string;
  /** Postcode (WCO DM 245, 0..1) */
  postcode?: string;
  /** Country sub-entity name (WCO DM 243, 0..1) */
  subdivision?: string;
  /** Country, coded (WCO DM 242, 1..1) */
  country: string;
}

/** Person or department to contact at the exporter. */
export interface ExporterContact {
  /** Exporter contact name (WCO DM 246, 0..1) */
  name?: string;
  /** Exporter telephone (WCO DM 240, 0..1) */
  phone?: string;
  /** Exporter e-mail (WCO DM 240, 0..1) */
  email?: string;
}

/** Party or person who has produced the product. */
export interface Producer {
  /** Producer reference (1..1) */
  ref: string;
  /** Producer same as exporter (0..1) */
  sameAsExporter?: boolean;
  /** Producer confidential (0..1) */
  confidential?: boolean;
  /** Producer identifier (WCO DM R035, 0..1) */
  id?: string;
  /** Producer name (WCO DM R034, 0..1) */
  name?: string;
  /** Producer address (0..1) */
  address?: ProducerAddress;
  /** Producer contact (0..1) */
  contact?: ProducerContact;
}

/** Postal address of the producer. */
export interface ProducerAddress {
  /** Street and number / P.O. box (WCO DM 239, 0..1) */
  line?: string;
  /** City name (WCO DM 241, 0..1) */
  city?: string;
  /** Postcode (WCO DM 245, 0..1) */
  postcode?: string;
  /** Country sub-entity name (WCO DM 243, 0..1) */
  subdivision?: string;
  /** Country, coded (WCO DM 242, 1..1) */
  country: string;
}

/** Person or department to contact at the producer. */
export interface ProducerContact {
  /** Producer contact name (WCO DM 246, 0..1) */
  name?: string;
  /** Producer telephone (WCO DM 240, 0..1) */
  phone?: string;
  /** Producer e-mail (WCO DM 240, 0..1) */
  email?: string;
}

/** Party who makes, or on whose behalf a customs agent or other authorised person makes, an import declaration. */
export interface Importer {
  /** Importer identifier (WCO DM R038, 0..1) */
  id?: string;
  /** Importer name (WCO DM R037, 1..1) */
  name: string;
  /** Importer address (0..1) */
  address?: ImporterAddress;
  /** Importer contact (0..1) */
  contact?: ImporterContact;
}

/** Postal address of the importer. */
export interface ImporterAddress {
  /** Street and number / P.O. box (WCO DM 239, 0..1) */
  line?: string;
  /** City name (WCO DM 241, 0..1) */
  city?: string;
  /** Postcode (WCO DM 245, 0..1) */
  postcode?: string;
  /** Country sub-entity name (WCO DM 243, 0..1) */
  subdivision?: string;
  /** Country, coded (WCO DM 242, 1..1) */
  country: string;
}

/** Person or department to contact at the importer. */
export interface ImporterContact {
  /** Importer contact name (WCO DM 246, 0..1) */
  name?: string;
  /** Importer telephone (WCO DM 240, 0..1) */
  phone?: string;
  /** Importer e-mail (WCO DM 240, 0..1) */
  email?: string;
}

/** Party to which goods are consigned. */
export interface Consignee {
  /** Consignee identifier (WCO DM R015, 0..1) */
  id?: string;
  /** Consignee name (WCO DM R014, 1..1) */
  name: string;
  /** Consignee address (0..1) */
  address?: ConsigneeAddress;
  /** Consignee contact (0..1) */
  contact?: ConsigneeContact;
}

/** Postal address of the consignee. */
export interface ConsigneeAddress {
  /** Street and number / P.O. box (WCO DM 239, 0..1) */
  line?: string;
  /** City name (WCO DM 241, 0..1) */
  city?: string;
  /** Postcode (WCO DM 245, 0..1) */
  postcode?: string;
  /** Country sub-entity name (WCO DM 243, 0..1) */
  subdivision?: string;
  /** Country, coded (WCO DM 242, 1..1) */
  country: string;
}

/** Person or department to contact at the consignee. */
export interface ConsigneeContact {
  /** Consignee contact name (WCO DM 246, 0..1) */
  name?: string;
  /** Consignee telephone (WCO DM 240, 0..1) */
  phone?: string;
  /** Consignee e-mail (WCO DM 240, 0..1) */
  email?: string;
}

/** Party selling the goods to the buyer (seller). */
export interface ThirdPartyInvoicingOperator {
  /** Third-party operator identifier (WCO DM R051, 0..1) */
  id?: string;
  /** Third-party operator name (WCO DM R050, 1..1) */
  name: string;
  /** Third-party operator address (0..1) */
  address?: ThirdPartyInvoicingOperatorAddress;
  /** Third-party operator contact (0..1) */
  contact?: ThirdPartyInvoicingOperatorContact;
}

/** Postal address of the third-party operator. */
export interface ThirdPartyInvoicingOperatorAddress {
  /** Street and number / P.O. box (WCO DM 239, 0..1) */
  line?: string;
  /** City name (WCO DM 241, 0..1) */
  city?: string;
  /** Postcode (WCO DM 245, 0..1) */
  postcode?: string;
  /** Country sub-entity name (WCO DM 243, 0..1) */
  subdivision?: string;
  /** Country, coded (WCO DM 242, 1..1) */
  country: string;
}

/** Person or department to contact at the third-party operator. */
export interface ThirdPartyInvoicingOperatorContact {
  /** Third-party operator contact name (WCO DM 246, 0..1) */
  name?: string;
  /** Third-party operator telephone (WCO DM 240, 0..1) */
  phone?: string;
  /** Third-party operator e-mail (WCO DM 240, 0..1) */
  email?: string;
}

/** Means of transport and route as far as known (box 3 of Form D and Form E). */
export interface Transport {
  /** Departure date (WCO DM 156, 0..1) */
  departureDate?: string;
  /** Mode of transport, coded (WCO DM T022, 0..1) */
  modeCode?: string;
  /** Type of means of transport, coded (WCO DM T010, 0..1) */
  meansTypeCode?: string;
  /** Name of means of transport (WCO DM T005, 0..1) */
  meansName?: string;
  /** Identification of means of transport (WCO DM T006, 0..1) */
  meansId?: string;
  /** Carrier name (WCO DM R011, 0..1) */
  carrierName?: string;
  /** Carrier identifier (WCO DM R012, 0..1) */
  carrierId?: string;
  /** Place of loading (0..1) */
  loadingPlace?: TransportLoadingPlace;
  /** Port of discharge (0..1) */
  dischargePlace?: TransportDischargePlace;
  /** Country(ies) of routing, coded (WCO DM 064, 0..n) */
  transitCountries?: string[];
}

/** Seaport, airport, freight terminal, rail station or other place at which goods are loaded onto the means of transport being used for their carriage. */
export interface TransportLoadingPlace {
  /** Place of loading (WCO DM L009, 0..1) */
  name?: string;
  /** Place of loading, coded (WCO DM L010, 0..1) */
  code?: string;
}

/** Place at which the goods are unloaded from the means of transport. */
export interface TransportDischargePlace {
  /** Port of discharge (WCO DM L012, 0..1) */
  name?: string;
  /** Port of discharge, coded (WCO DM L013, 0..1) */
  code?: string;
}

/** A goods item of the proof of origin (one line of the goods table). */
export interface GoodsItem {
  /** Item number (WCO DM 006, 1..1) */
  itemNumber: number;
  /** Marks and numbers on packages (WCO DM 142, 0..1) */
  marksAndNumbers?: string;
  /** Packages (0..1) */
  packages?: GoodsItemPackages;
  /** Description of goods (WCO DM 137, 1..1) */
  description: string;
  /** Commodity classification (HS code) (WCO DM 145, 1..1) */
  hsCode: string;
  /** HS version (0..1) */
  hsVersion?: string;
  /** Origin criterion (WCO DM 436, 1..1) */
  originCriterion: GoodsItemOriginCriterion;
  /** Country of origin, coded (WCO DM 063, 0..1) */
  originCountry?: string;
  /** Origin type, coded (WCO DM 501, 0..1) */
  originTypeCode?: string;
  /** Quantity (0..1) */
  quantity?: GoodsItemQuantity;
  /** Gross weight (0..1) */
  grossWeight?: GoodsItemGrossWeight;
  /** FOB value (0..1) */
  fobValue?: GoodsItemFobValue;
  /** Invoice reference (WCO DM D016, 0..1) */
  invoiceNumber?: string;
  /** Producer reference (0..1) */
  producerRef?: string;
}

/** Number and kind of packages of the item. */
export interface GoodsItemPackages {
  /** Number of packages (WCO DM 144, 0..1) */
  quantity?: number;
  /** Type of packages, coded (WCO DM 141, 0..1) */
  typeCode?: string;
  /** Kind of packages (0..1) */
  description?: string;
}

/** The origin conferring criterion the goods meet. */
export interface GoodsItemOriginCriterion {
  /** Origin criterion, coded (WCO DM 436, 1..1) */
  code: string;
  /** Additional origin criteria, coded (0..n) */
  additionalCodes?: string[];
  /** Regional value content percentage (0..1) */
  rvcPercentage?: number;
}

/** Quantity of the item in the unit of the tariff or the invoice. */
export interface GoodsItemQuantity {
  /** Quantity value (WCO DM 130, 1..1) */
  value: number;
  /** Quantity unit (1..1) */
  unitCode: string;
}

/** Weight (mass) of goods including packaging but excluding the carrier's equipment. */
export interface GoodsItemGrossWeight {
  /** Gross weight value (WCO DM 126, 1..1) */
  value: number;
  /** Gross weight unit (1..1) */
  unitCode: string;
}

/** Free-on-board value of the item. */
export interface GoodsItemFobValue {
  /** FOB value amount (WCO DM 112, 0..1) */
  amount?: number;
  /** FOB value currency (WCO DM 135, 0..1) */
  currency?: string;
}

/** Totals of the document, consistent with the goods items. */
export interface Totals {
  /** Total number of items (WCO DM 228, 0..1) */
  itemCount?: number;
  /** Total number of packages (WCO DM 146, 0..1) */
  packageCount?: number;
  /** Total gross weight (0..1) */
  grossWeight?: TotalsGrossWeight;
  /** Total FOB value (0..1) */
  fobValue?: TotalsFobValue;
}

/** Weight (mass) of goods including packaging but excluding the carrier's equipment for a document. */
export interface TotalsGrossWeight {
  /** Total gross weight value (WCO DM 131, 1..1) */
  value: number;
  /** Total gross weight unit (1..1) */
  unitCode: string;
}

/** Sum of the FOB values of the items. */
export interface TotalsFobValue {
  /** Total FOB value amount (WCO DM 109, 0..1) */
  amount?: number;
  /** Total FOB value currency (WCO DM 135, 0..1) */
  currency?: string;
}

/** A commercial invoice covering goods of the document. */
export interface Invoice {
  /** Invoice number (WCO DM D016, 1..1) */
  number: string;
  /** Invoice date (WCO DM D015, 0..1) */
  date?: string;
  /** Invoice issuer name (0..1) */
  issuerName?: string;
  /** Invoice issuer country, coded (0..1) */
  issuerCountry?: string;
}

/** The exporter's (or producer's) declaration that the details are correct and the goods meet the origin requirements. */
export interface ExporterDeclaration {
  /** Declarant role, coded (0..1) */
  declarantRole?: string;
  /** Place of declaration (WCO DM D012, 0..1) */
  place?: string;
  /** Date of declaration (WCO DM D011, 0..1) */
  date?: string;
  /** Signatory name (0..1) */
  signatoryName?: string;
  /** Signatory title (0..1) */
  signatoryTitle?: string;
  /** Declaration statement (0..1) */
  statement?: string;
}

/** Certification by the issuing authority that the goods are originating and the declaration by the exporter is correct. */
export interface Certification {
  /** Issuing authority identifier (1..1) */
  authorityId: string;
  /** Issuing authority name (WCO DM R007, 1..1) */
  authorityName: string;
  /** Certifying officer (0..1) */
  officerName?: string;
  /** Place of certification (WCO DM L098, 0..1) */
  place?: string;
  /** Date of certification (0..1) */
  date?: string;
  /** Signature reference (WCO DM 104, 0..1) */
  signatureReference?: string;
  /** Seal reference (0..1) */
  sealReference?: string;
}

/** The special-case boxes of the forms; each indicator absent means not ticked. */
export interface SpecialCases {
  /** Issued retroactively (0..1) */
  issuedRetroactively?: boolean;
  /** Back-to-back (0..1) */
  backToBack?: boolean;
  /** Exhibition (0..1) */
  exhibition?: boolean;
  /** Third-party invoicing (0..1) */
  thirdPartyInvoicing?: boolean;
  /** Accumulation (0..1) */
  accumulation?: boolean;
  /** Partial cumulation (0..1) */
  partialCumulation?: boolean;
  /** De minimis (0..1) */
  deMinimis?: boolean;
  /** Movement certificate (0..1) */
  movementCertificate?: boolean;
}

/** The exhibition the goods were sent to, when the exhibition box is ticked. */
export interface Exhibition {
  /** Exhibition name (1..1) */
  name: string;
  /** Exhibition place (0..1) */
  place?: string;
}

/** The original proof of origin a back-to-back or movement certificate is based on. */
export interface OriginalProof {
  /** Original proof number (WCO DM D018, 1..1) */
  originalNumber: string;
  /** Original proof date (0..1) */
  originalDate?: string;
  /** Original proof issuing country, coded (0..1) */
  originalIssuingCountry?: string;
  /** First exporting party's country of origin (0..1) */
  firstExportingCountryOrigin?: string;
  /** Original approved exporter code (0..1) */
  approvedExporterCode?: string;
}

/** The earlier proof of origin this document replaces (after loss, damage or an error). */
export interface Replacement {
  /** Replaced certificate number (0..1) */
  replacedNumber?: string;
  /** Replaced certificate date (0..1) */
  replacedDate?: string;
  /** Replacement reason, coded (WCO DM 099, 0..1) */
  reasonCode?: string;
  /** Replacement reason (0..1) */
  reason?: string;
}

/** Particulars of a declaration of origin made by an approved or registered exporter (RCEP declaration of origin, REX statement, EODES). */
export interface SelfDeclaration {
  /** Approved or registered exporter number (WCO DM R144, 1..1) */
  exporterAuthorisationNumber: string;
  /** Authorisation type, coded (WCO DM R145, 1..1) */
  authorisationType: string;
  /** Unique reference number (0..1) */
  uniqueReference?: string;
  /** Declaration text (0..1) */
  statement?: string;
}

/** A supporting document attached to the proof of origin (continuation sheet, invoice copy). */
export interface Attachment {
  /** Attachment identifier (WCO DM D005, 1..1) */
  id: string;
  /** Attachment name (0..1) */
  name?: string;
  /** Media type (1..1) */
  mediaType: string;
  /** Content (0..1) */
  content?: string;
  /** Location (0..1) */
  uri?: string;
  /** Content digest (0..1) */
  sha256?: string;
}
