"""Language and country words → locale and console/X keyboard layout."""

from __future__ import annotations

# word -> (locale, keyboard layout as used by console.keyMap and services.xserver.xkb.layout)
LANGUAGES: dict[str, tuple[str, str]] = {
    "english": ("en_US.UTF-8", "us"),
    "american": ("en_US.UTF-8", "us"),
    "british": ("en_GB.UTF-8", "gb"),
    "uk": ("en_GB.UTF-8", "gb"),
    "german": ("de_DE.UTF-8", "de"),
    "swiss": ("de_CH.UTF-8", "ch"),
    "austrian": ("de_AT.UTF-8", "de"),
    "french": ("fr_FR.UTF-8", "fr"),
    "belgian": ("fr_BE.UTF-8", "be"),
    "spanish": ("es_ES.UTF-8", "es"),
    "italian": ("it_IT.UTF-8", "it"),
    "portuguese": ("pt_PT.UTF-8", "pt"),
    "brazilian": ("pt_BR.UTF-8", "br"),
    "dutch": ("nl_NL.UTF-8", "nl"),
    "swedish": ("sv_SE.UTF-8", "se"),
    "norwegian": ("nb_NO.UTF-8", "no"),
    "danish": ("da_DK.UTF-8", "dk"),
    "finnish": ("fi_FI.UTF-8", "fi"),
    "polish": ("pl_PL.UTF-8", "pl"),
    "czech": ("cs_CZ.UTF-8", "cz"),
    "hungarian": ("hu_HU.UTF-8", "hu"),
    "greek": ("el_GR.UTF-8", "gr"),
    "turkish": ("tr_TR.UTF-8", "tr"),
    "russian": ("ru_RU.UTF-8", "ru"),
    "ukrainian": ("uk_UA.UTF-8", "ua"),
    "japanese": ("ja_JP.UTF-8", "jp"),
    "dvorak": ("en_US.UTF-8", "dvorak"),
}
# Layout codes a person may type directly ("keyboard layout de").
LAYOUT_CODES = frozenset(v[1] for v in LANGUAGES.values()) | {"us", "gb", "de", "fr", "es", "it", "colemak"}
