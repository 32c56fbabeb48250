"""Vietnamese numbers: digit strings and number words to values.

Vietnamese groups thousands with a dot and writes decimals with a comma
("1.172" = 1172, "65,67" = 65.67), but some sites print "39.34%". The digit
groups decide: a dot followed by exactly three digits groups thousands.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from vnstats import patterns
def parse_digits(text: str) -> float:
    """Value of a digit string written the Vietnamese way (or the English way).

    >>> parse_digits("1.172"), parse_digits("65,67"), parse_digits("39.34"), parse_digits("01")
    (1172.0, 65.67, 39.34, 1.0)
    """
    if "," in text and "." in text:
        if text.rfind(",") > text.rfind("."):  # 1.234,5
            return float(text.replace(".", "").replace(",", "."))
        return float(text.replace(",", ""))  # 1,234.5
    if "." in text:
        groups = text.split(".")
        if len(groups) > 2 or len(groups[1]) == 3:  # 1.172, 1.204.000
            return float(text.replace(".", ""))
        return float(text)  # 39.34
    if "," in text:
        groups = text.split(",")
        if len(groups) > 2 and all(len(g) == 3 for g in groups[1:]):  # 1,204,000
            return float(text.replace(",", ""))
        return float(text.replace(",", "."))  # 65,67
    return float(text)


@functools.cache
def _lexicon() -> dict:
    numbers = patterns.load().numbers
    words = numbers["words"]
    return {
        "digits": numbers["digits"],
        "ten": words["ten"],
        "tens": words["tens"],
        "hundred": words["hundred"],
        "linking": set(words["linking"]),
        "decimal": words["decimal"],
        "scales": numbers["scales"],
    }


def number_words() -> frozenset[str]:
    """Every word that can be part of a written-out number."""
    lex = _lexicon()
    return frozenset([*lex["digits"], lex["ten"], lex["tens"], lex["hundred"],
                      *lex["linking"], lex["decimal"], *lex["scales"]])


def words_to_number(words: Sequence[str]) -> float | None:
    """Value of a written-out number, or None if the words are not one.

    >>> words_to_number(["mười", "lăm"]), words_to_number("một trăm linh năm".split())
    (15.0, 105.0)
    >>> words_to_number("hai phẩy năm".split())
    2.5
    """
    lex = _lexicon()
    words = [w.lower() for w in words]
    if lex["decimal"] in words:
        cut = words.index(lex["decimal"])
        whole = words_to_number(words[:cut])
        decimals = words[cut + 1:]
        if whole is None or not decimals or any(w not in lex["digits"] for w in decimals):
            return None
        return float(f"{int(whole)}." + "".join(str(lex["digits"][w]) for w in decimals))
    total = 0.0      # completed scale groups ("hai nghìn")
    current = 0.0    # the group being read ("ba trăm hai mươi")
    last_digit = None
    seen_any = False
    for word in words:
        if word in lex["digits"]:
            if last_digit is not None:  # two digits in a row: "hai ba" is no number
                return None
            last_digit = lex["digits"][word]
            current += last_digit
        elif word == lex["ten"]:
            current += 10
            last_digit = None
        elif word == lex["tens"]:
            if last_digit is None:
                return None
            current += last_digit * 9  # the digit was added once already
            last_digit = None
        elif word == lex["hundred"]:
            current = (current or 1) * 100
            last_digit = None
        elif word in lex["linking"]:
            last_digit = None
        elif word in lex["scales"]:
            scale = lex["scales"][word]
            if current == 0 and total == 0:
                current = 1
            if total and scale > total:  # "nghìn tỷ": scales multiply
                total = (total + current) * scale
            else:
                total += (current or 1) * scale
            current = 0
            last_digit = None
        else:
            return None
        seen_any = True
    if not seen_any:
        return None
    return total + current
