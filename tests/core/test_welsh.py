"""Welsh mutations: the table, and sentences filled with names that take the mutation of the word before them."""

import pytest
from inspectorate import welsh


@pytest.mark.parametrize("radical, soft", [
    ("Partneriaeth", "Bartneriaeth"), ("Tregaron", "Dregaron"), ("Coleg Cambria", "Goleg Cambria"),
    ("Bangor", "Fangor"), ("Dolgellau", "Ddolgellau"), ("Gwynedd", "Wynedd"), ("Gŵyr", "Ŵyr"),
    ("Merthyr Tudful", "Ferthyr Tudful"), ("Llandudno", "Landudno"), ("Rhondda", "Rondda"),
    ("partneriaeth", "bartneriaeth"), ("llythyr", "lythyr"), ("gwelliant", "welliant"),
])
def test_soft_mutation_of_each_mutable_consonant(radical, soft):
    assert welsh.soft(radical) == soft


@pytest.mark.parametrize("word", [
    "Ysgol Gynradd Tregaron", "Aberystwyth", "Estyn", "Uned Cyfeirio Disgyblion", "Chwilog", "Ffestiniog",
    "Theatr", "Ddôl", "Ngwynedd", "Phenarth", "Sir Gâr", "Nefyn", "Wrecsam", "Harlech", "CBAC", "ERW", "2024", "",
])
def test_words_that_do_not_mutate(word):
    """Vowels, the letters ch, dd, ff, ng, ph, th, consonants that never mutate, acronyms and figures."""
    assert welsh.soft(word) == word


@pytest.mark.parametrize("radical, aspirate", [("Consortiwm", "Chonsortiwm"), ("Partneriaeth", "Phartneriaeth"),
                                               ("Tŷ Gwyn", "Thŷ Gwyn"), ("Bangor", "Bangor"), ("Ysgol", "Ysgol")])
def test_aspirate_mutation_changes_c_p_t_only(radical, aspirate):
    assert welsh.aspirate(radical) == aspirate


@pytest.mark.parametrize("sentence, name, filled", [
    ("Adroddiad ar {provider}", "Partneriaeth Dysgu Oedolion", "Adroddiad ar Bartneriaeth Dysgu Oedolion"),
    ("Adroddiad ar {provider}", "Coleg Cambria", "Adroddiad ar Goleg Cambria"),
    ("Adroddiad ar {provider}", "Ysgol Gynradd Tregaron", "Adroddiad ar Ysgol Gynradd Tregaron"),
    ("Gwybodaeth am {provider}:", "Dolgellau", "Gwybodaeth am Ddolgellau:"),
    ("yr arolygiad o {provider} ({dates})", "Gwasanaeth", "yr arolygiad o Wasanaeth ({dates})"),
    ("Ymweliad dilynol â {provider}", "Consortiwm Canolbarth", "Ymweliad dilynol â Chonsortiwm Canolbarth"),
    ("{provider} yn gryno:", "Tregaron", "Tregaron yn gryno:"),
    ("Llythyr i'r {provider}", "Pennaeth", "Llythyr i'r Pennaeth"),
    ("arolygiadau a {provider}", "ymweliadau interim", "arolygiadau ac ymweliadau interim"),
    ("A {provider}", "Ysgol", "Ac Ysgol"),
    ("cytuno â {provider}", "Estyn", "cytuno ag Estyn"),
    ("cytuno â {provider}", "Coleg Gwent", "cytuno â Choleg Gwent"),
])
def test_a_name_takes_the_mutation_of_the_word_before_its_placeholder(sentence, name, filled):
    values = {"provider": name}
    if "{dates}" in sentence:
        values["dates"] = "{dates}"
    assert welsh.fill(sentence, **values) == filled


def test_fill_refuses_what_format_would_read_beyond_a_plain_name():
    with pytest.raises(welsh.FillError, match="plain values"):
        welsh.fill("ar {provider.__class__}", provider="X")
    with pytest.raises(welsh.FillError, match="needs a value for {provider}"):
        welsh.fill("ar {provider}")


@pytest.mark.parametrize("n, feminine, word", [(4, True, "pedair"), (4, False, "pedwar"), (2, True, "dwy"), (3, True, "tair"),
                                               (5, True, "pum"), (20, False, "20")])
def test_numbers_before_a_noun(n, feminine, word):
    assert welsh.number(n, feminine) == word
