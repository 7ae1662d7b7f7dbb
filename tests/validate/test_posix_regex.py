from nixwright.validate.posix_regex import full_match

HOSTNAME = "^$|^[[:alnum:]]([[:alnum:]_-]{0,61}[[:alnum:]])?$"


def test_character_classes():
    assert full_match(HOSTNAME, "test") is True
    assert full_match(HOSTNAME, "my-host-1") is True
    assert full_match(HOSTNAME, "") is True
    assert full_match(HOSTNAME, "-bad") is False
    assert full_match(HOSTNAME, "has space") is False


def test_whole_string_and_brackets():
    assert full_match("[0-9]+", "123") is True
    assert full_match("[0-9]+", "123a") is False
    assert full_match("[]a]+", "]a]") is True
    assert full_match("[^[:space:]]+", "abc") is True
    assert full_match("[^[:space:]]+", "a c") is False


def test_untranslatable_pattern_is_not_a_verdict():
    assert full_match("(", "x") is None
