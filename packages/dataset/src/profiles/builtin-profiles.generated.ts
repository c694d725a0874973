/**
 * The built-in agreement profiles, generated from packages/dataset/profiles/*.yaml by `npm run gen`
 * (src/profiles/builtin-generator.ts). Do not edit: edit the YAML files and regenerate.
 */
import type { Profile } from './profile-schema.js';

export const builtinProfileData: readonly Profile[] = [
  // profiles/ace14-form-a18.yaml
  {
    "id": "ace14-form-a18",
    "title": "ALADI ACE 14 (Argentina-Brazil) COD form A18",
    "agreement": {
      "code": "ACE14",
      "name": "ALADI Economic Complementation Agreement No. 14 (Argentina-Brazil)",
      "legalBasis": "ACE 14 (1990) and its Additional Protocols; ALADI Resolution 252 (origin regime) and the ALADI digital certification of origin (COD) specifications",
      "inForceSince": "1991-01-01",
    },
    "parties": ["AR", "BR"],
    "models": ["push", "pull"],
    "datasetVersion": "1.1.0",
    "documentTypes": ["861"],
    "formTypes": ["A18"],
    "hsDigits": [8],
    "elements": {
      "required": ["header.formType", "exporter.address", "importer", "importer.address", "goodsItems[].fobValue", "goodsItems[].fobValue.amount", "goodsItems[].fobValue.currency", "invoices", "invoices[].date", "exporterDeclaration", "exporterDeclaration.date"],
      "notUsed": ["producers", "selfDeclaration", "specialCases.issuedRetroactively", "specialCases.backToBack", "specialCases.exhibition", "specialCases.accumulation", "specialCases.partialCumulation", "specialCases.deMinimis", "specialCases.movementCertificate", "exhibition", "backToBack"],
    },
    "originCriteria": [
      {
        "code": "WO",
        "description": "Wholly produced in the territory of a party",
      },
      {
        "code": "PE",
        "description": "Produced exclusively from originating materials",
      },
      {
        "code": "CTH",
        "description": "Change of tariff heading (NALADISA)",
      },
      {
        "code": "RVC",
        "description": "Regional value content (regional content index where the protocol sets one)",
        "percentage": "optional",
      },
      {
        "code": "SR",
        "description": "Specific origin requirement of the protocol",
      },
      {
        "code": "LEGAL-REF",
        "description": "Origin norm cited by article of the agreement's origin regime (text in remarks)",
      },
    ],
    "validity": {
      "months": 6,
      "days": 180,
    },
    "retroactive": {
      "graceDays": 10,
      "maxMonths": 0,
    },
    "lifecycle": {
      "amendment": "replacement-only",
      "utilisationNotice": false,
      "verificationReplyDays": 30,
      "pull": {
        "verificationCode": false,
        "autoPullOnClaim": true,
      },
    },
    "exchange": {
      "transport": "https",
      "mutualTls": "required",
      "payloadFormat": "xml",
      "signatureAlgorithms": ["ES256", "EdDSA"],
      "receiptTimeoutHours": 24,
      "retryHorizonDays": 7,
      "keyRotationDays": 365,
    },
    "notes": "The origin rule as the COD cites it (free text, up to 256 characters) has no element of its own; an importer should keep it in the remarks rather than drop it.",
  },
  // profiles/acfta-form-e.yaml
  {
    "id": "acfta-form-e",
    "title": "ACFTA Form E (ASEAN-China)",
    "agreement": {
      "code": "ACFTA",
      "name": "ASEAN-China Free Trade Area",
      "legalBasis": "Agreement on Trade in Goods of the ASEAN-China Framework Agreement (2004), Annex 3 Rules of Origin and its Operational Certification Procedures, as amended by the 2015 Upgrading Protocol",
      "inForceSince": "2005-01-01",
    },
    "parties": ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "CN"],
    "models": ["push", "pull"],
    "datasetVersion": "1.1.0",
    "documentTypes": ["861"],
    "formTypes": ["E"],
    "elements": {
      "required": ["consignee", "transport", "transport.departureDate", "transport.meansName", "transport.dischargePlace", "goodsItems[].packages", "goodsItems[].invoiceNumber", "invoices", "invoices[].date", "exporterDeclaration", "exporterDeclaration.place", "exporterDeclaration.date"],
      "notUsed": ["importer", "selfDeclaration", "header.verificationCode", "specialCases.backToBack", "specialCases.accumulation", "specialCases.partialCumulation", "specialCases.deMinimis"],
    },
    "originCriteria": [
      {
        "code": "WO",
        "description": "Wholly obtained or produced",
      },
      {
        "code": "PE",
        "description": "Produced entirely from originating materials",
      },
      {
        "code": "RVC",
        "description": "Regional value content",
        "percentage": "required",
        "fobRequired": true,
      },
      {
        "code": "CTH",
        "description": "Change of tariff heading",
      },
      {
        "code": "PSR",
        "description": "Product-specific rule",
      },
    ],
    "validity": {
      "months": 12,
    },
    "retroactive": {
      "graceDays": 3,
      "maxMonths": 12,
    },
    "lifecycle": {
      "amendment": "replacement-only",
      "utilisationNotice": true,
      "verificationReplyDays": 90,
      "pull": {
        "verificationCode": false,
        "autoPullOnClaim": true,
      },
    },
    "exchange": {
      "transport": "https",
      "mutualTls": "required",
      "payloadFormat": "json",
      "signatureAlgorithms": ["ES256", "EdDSA"],
      "receiptTimeoutHours": 24,
      "retryHorizonDays": 7,
      "keyRotationDays": 365,
    },
    "notes": "The movement certificate box is the ACFTA form of a back-to-back certificate; the original proof goes in the backToBack block.",
  },
  // profiles/akfta-form-ak.yaml
  {
    "id": "akfta-form-ak",
    "title": "AKFTA Form AK (ASEAN-Korea)",
    "agreement": {
      "code": "AKFTA",
      "name": "ASEAN-Korea Free Trade Area",
      "legalBasis": "Agreement on Trade in Goods under the ASEAN-Korea Framework Agreement (2006), Annex 3 Rules of Origin, Appendix 1 Operational Certification Procedures (as amended)",
      "inForceSince": "2007-06-01",
    },
    "parties": ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "KR"],
    "models": ["push", "pull"],
    "datasetVersion": "1.1.0",
    "documentTypes": ["861"],
    "formTypes": ["AK"],
    "elements": {
      "required": ["consignee", "transport", "transport.departureDate", "transport.meansName", "transport.dischargePlace", "goodsItems[].packages", "goodsItems[].invoiceNumber", "invoices", "invoices[].date", "exporterDeclaration", "exporterDeclaration.place", "exporterDeclaration.date"],
      "notUsed": ["importer", "selfDeclaration", "header.verificationCode", "specialCases.partialCumulation", "specialCases.movementCertificate"],
    },
    "originCriteria": [
      {
        "code": "WO",
        "description": "Wholly obtained or produced",
      },
      {
        "code": "WO-AK",
        "description": "Wholly obtained or produced (AKFTA variant code, as one issuing authority prints it)",
      },
      {
        "code": "RVC",
        "description": "Regional value content",
        "percentage": "required",
        "fobRequired": true,
      },
      {
        "code": "CC",
        "description": "Change of chapter",
      },
      {
        "code": "CTH",
        "description": "Change of tariff heading",
      },
      {
        "code": "CTSH",
        "description": "Change of tariff subheading",
      },
      {
        "code": "CTC",
        "description": "Change in tariff classification",
      },
      {
        "code": "SPECIFIC PROCESSES",
        "description": "Specific manufacturing or processing operations",
      },
    ],
    "validity": {
      "months": 12,
    },
    "retroactive": {
      "graceDays": 3,
      "maxMonths": 12,
    },
    "lifecycle": {
      "amendment": "replacement-only",
      "utilisationNotice": true,
      "verificationReplyDays": 60,
      "pull": {
        "verificationCode": false,
        "autoPullOnClaim": true,
      },
    },
    "exchange": {
      "transport": "https",
      "mutualTls": "required",
      "payloadFormat": "json",
      "signatureAlgorithms": ["ES256", "EdDSA"],
      "receiptTimeoutHours": 24,
      "retryHorizonDays": 7,
      "keyRotationDays": 365,
    },
  },
  // profiles/atiga-form-d.yaml
  {
    "id": "atiga-form-d",
    "title": "ATIGA Form D (ASEAN)",
    "agreement": {
      "code": "ATIGA",
      "name": "ASEAN Trade in Goods Agreement",
      "legalBasis": "ATIGA (2009), Annex 8 Operational Certification Procedure for the Rules of Origin (as amended)",
      "inForceSince": "2010-05-17",
    },
    "parties": ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"],
    "models": ["push", "pull"],
    "datasetVersion": "1.1.0",
    "documentTypes": ["861"],
    "formTypes": ["D"],
    "elements": {
      "required": ["consignee", "transport", "transport.departureDate", "transport.meansName", "transport.dischargePlace", "goodsItems[].packages", "goodsItems[].grossWeight", "goodsItems[].invoiceNumber", "invoices", "invoices[].date", "exporterDeclaration", "exporterDeclaration.place", "exporterDeclaration.date"],
      "notUsed": ["importer", "selfDeclaration", "header.verificationCode"],
    },
    "originCriteria": [
      {
        "code": "WO",
        "description": "Wholly obtained or produced",
      },
      {
        "code": "RVC",
        "description": "Regional value content",
        "percentage": "required",
        "fobRequired": true,
      },
      {
        "code": "CC",
        "description": "Change of chapter",
      },
      {
        "code": "CTH",
        "description": "Change of tariff heading",
      },
      {
        "code": "CTSH",
        "description": "Change of tariff subheading",
      },
      {
        "code": "SP",
        "description": "Specific process",
      },
      {
        "code": "PC",
        "description": "Partial cumulation",
        "percentage": "required",
        "fobRequired": true,
      },
    ],
    "additionalCriteria": ["RVC", "CC", "CTH", "CTSH", "SP"],
    "validity": {
      "months": 12,
    },
    "retroactive": {
      "graceDays": 3,
      "maxMonths": 12,
    },
    "lifecycle": {
      "amendment": "replacement-only",
      "utilisationNotice": true,
      "verificationReplyDays": 90,
      "pull": {
        "verificationCode": false,
        "autoPullOnClaim": true,
      },
    },
    "exchange": {
      "transport": "https",
      "mutualTls": "required",
      "payloadFormat": "json",
      "signatureAlgorithms": ["ES256", "EdDSA"],
      "receiptTimeoutHours": 24,
      "retryHorizonDays": 7,
      "keyRotationDays": 365,
    },
  },
  // profiles/chkfta-certificate.yaml
  {
    "id": "chkfta-certificate",
    "title": "China-Korea FTA certificate of origin",
    "agreement": {
      "code": "CHKFTA",
      "name": "Free Trade Agreement between China and Korea",
      "legalBasis": "China-Korea FTA (2015), Chapter 3 Rules of Origin and Origin Implementation Procedures, Annex 3-C",
      "inForceSince": "2015-12-20",
    },
    "parties": ["CN", "KR"],
    "models": ["push", "pull"],
    "datasetVersion": "1.1.0",
    "documentTypes": ["861"],
    "hsDigits": [6],
    "elements": {
      "required": ["consignee", "goodsItems[].packages", "goodsItems[].invoiceNumber", "invoices", "invoices[].date", "exporterDeclaration", "exporterDeclaration.place", "exporterDeclaration.date"],
      "notUsed": ["importer", "selfDeclaration", "goodsItems[].fobValue", "totals.fobValue", "specialCases.backToBack", "specialCases.accumulation", "specialCases.partialCumulation", "specialCases.deMinimis", "specialCases.movementCertificate", "backToBack"],
    },
    "originCriteria": [
      {
        "code": "WO",
        "description": "Wholly obtained or produced",
      },
      {
        "code": "WP",
        "description": "Produced entirely from originating materials",
      },
      {
        "code": "PSR",
        "description": "Product-specific rule",
      },
    ],
    "validity": {
      "months": 12,
    },
    "retroactive": {
      "graceDays": 7,
      "maxMonths": 12,
    },
    "lifecycle": {
      "amendment": "replacement-only",
      "utilisationNotice": false,
      "verificationReplyDays": 180,
      "transition": {
        "cutOverDate": "2016-10-01",
      },
      "pull": {
        "verificationCode": false,
        "autoPullOnClaim": true,
      },
    },
    "exchange": {
      "transport": "https",
      "mutualTls": "required",
      "payloadFormat": "json",
      "signatureAlgorithms": ["ES256", "EdDSA"],
      "receiptTimeoutHours": 24,
      "retryHorizonDays": 7,
      "keyRotationDays": 365,
    },
    "notes": "At most 20 goods items per certificate (the form's limit). A lost certificate is replaced by a certified true copy, exchanged as a replacement.",
  },
  // profiles/rcep-certificate.yaml
  {
    "id": "rcep-certificate",
    "title": "RCEP certificate of origin",
    "agreement": {
      "code": "RCEP",
      "name": "Regional Comprehensive Economic Partnership",
      "legalBasis": "RCEP Agreement (2020), Chapter 3 Rules of Origin, Section B Operational Certification Procedures, Annex 3B Minimum Information Requirements",
      "inForceSince": "2022-01-01",
    },
    "parties": ["AU", "BN", "KH", "CN", "ID", "JP", "KR", "LA", "MY", "MM", "NZ", "PH", "SG", "TH", "VN"],
    "models": ["push", "pull"],
    "datasetVersion": "1.1.0",
    "documentTypes": ["861"],
    "hsDigits": [6],
    "elements": {
      "required": ["goodsItems[].packages", "goodsItems[].originCountry", "goodsItems[].invoiceNumber", "invoices", "invoices[].date", "exporterDeclaration", "exporterDeclaration.declarantRole", "exporterDeclaration.place", "exporterDeclaration.date"],
      "notUsed": ["selfDeclaration", "specialCases.exhibition", "specialCases.accumulation", "specialCases.partialCumulation", "specialCases.deMinimis", "specialCases.movementCertificate", "exhibition"],
    },
    "originCriteria": [
      {
        "code": "WO",
        "description": "Wholly obtained or produced",
      },
      {
        "code": "PE",
        "description": "Produced exclusively from originating materials",
      },
      {
        "code": "CTC",
        "description": "Change in tariff classification",
      },
      {
        "code": "RVC",
        "description": "Regional value content",
        "fobRequired": true,
      },
      {
        "code": "CR",
        "description": "Chemical reaction rule",
      },
    ],
    "additionalCriteria": ["ACU", "DMI", "2.6.6A", "2.6.6B"],
    "validity": {
      "months": 12,
    },
    "retroactive": {
      "graceDays": 3,
      "maxMonths": 12,
    },
    "lifecycle": {
      "amendment": "replacement-only",
      "utilisationNotice": false,
      "verificationReplyDays": 90,
      "pull": {
        "verificationCode": false,
        "autoPullOnClaim": true,
      },
    },
    "exchange": {
      "transport": "https",
      "mutualTls": "required",
      "payloadFormat": "json",
      "signatureAlgorithms": ["ES256", "EdDSA"],
      "receiptTimeoutHours": 24,
      "retryHorizonDays": 7,
      "keyRotationDays": 365,
    },
    "notes": "ACU marks accumulation and DMI de minimis on the second line of the origin criterion; they are second-line codes, not special-case boxes.",
  },
  // profiles/rcep-declaration.yaml
  {
    "id": "rcep-declaration",
    "title": "RCEP declaration of origin",
    "agreement": {
      "code": "RCEP",
      "name": "Regional Comprehensive Economic Partnership",
      "legalBasis": "RCEP Agreement (2020), Chapter 3 Rules of Origin, Section B Operational Certification Procedures, Annex 3B Minimum Information Requirements",
      "inForceSince": "2022-01-01",
    },
    "parties": ["AU", "BN", "KH", "CN", "ID", "JP", "KR", "LA", "MY", "MM", "NZ", "PH", "SG", "TH", "VN"],
    "models": ["self-declaration", "pull"],
    "datasetVersion": "1.1.0",
    "documentTypes": ["862"],
    "hsDigits": [6],
    "elements": {
      "required": ["selfDeclaration", "selfDeclaration.uniqueReference", "goodsItems[].packages", "goodsItems[].originCountry", "goodsItems[].invoiceNumber", "invoices", "invoices[].date", "exporterDeclaration", "exporterDeclaration.declarantRole", "exporterDeclaration.date", "exporterDeclaration.signatoryName"],
      "notUsed": ["certification", "specialCases.issuedRetroactively", "specialCases.exhibition", "specialCases.accumulation", "specialCases.partialCumulation", "specialCases.deMinimis", "specialCases.movementCertificate", "exhibition"],
    },
    "originCriteria": [
      {
        "code": "WO",
        "description": "Wholly obtained or produced",
      },
      {
        "code": "PE",
        "description": "Produced exclusively from originating materials",
      },
      {
        "code": "CTC",
        "description": "Change in tariff classification",
      },
      {
        "code": "RVC",
        "description": "Regional value content",
        "fobRequired": true,
      },
      {
        "code": "CR",
        "description": "Chemical reaction rule",
      },
    ],
    "additionalCriteria": ["ACU", "DMI", "2.6.6A", "2.6.6B"],
    "validity": {
      "months": 12,
    },
    "retroactive": {
      "graceDays": 3,
      "maxMonths": 12,
    },
    "lifecycle": {
      "amendment": "replacement-only",
      "utilisationNotice": false,
      "verificationReplyDays": 90,
      "pull": {
        "verificationCode": false,
        "autoPullOnClaim": true,
      },
    },
    "exchange": {
      "transport": "https",
      "mutualTls": "required",
      "payloadFormat": "json",
      "signatureAlgorithms": ["ES256", "EdDSA"],
      "receiptTimeoutHours": 24,
      "retryHorizonDays": 7,
      "keyRotationDays": 365,
    },
    "notes": "The importing side can check the approved exporter's authorisation code against the exporting party's list of approved exporters.",
  },
];
