"""Character classes shared by the stages (regular-expression fragments, raw input)."""

# Arabic-script letters (base, supplement, extended-A, presentation forms)
AR_LETTER = ("\u0620-\u063f\u0641-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
             "\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdfb\ufe70-\ufefc")
# marks that may sit inside an Arabic-script word: harakat, tatweel, Quranic marks, joiners, bidi marks
AR_MARK = "\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d\u200e\u200f"
# invisible characters that normalization deletes (a subset of the above plus controls)
INVISIBLE = "\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u200b\u200d-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c\u00ad"
DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
# letters that do not join the following letter (after them a ZWNJ is meaningless)
RIGHT_JOINING = "اآأإٱٲدذرزژڕڒڔوۆؤۇۉۊۏەۀةء"
