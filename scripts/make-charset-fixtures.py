#!/usr/bin/env python3
"""Writes the charset fixtures under Tests/DeskExtractTests/Fixtures/charsets/.

One small HTML page per charset, with real text in that language encoded with Python's codecs, plus
pages that declare nothing, declare only through HTTP (the test passes the header), declare through
http-equiv or an XML declaration, or declare a charset that is not the one of their bytes.
manifest.json lists each file with the title and a body sentence the decoder must give back, and the
HTTP Content-Type to pass, if any.

Run from the repository root: python3 scripts/make-charset-fixtures.py
"""
import json
import os

OUT = os.path.join("Tests", "DeskExtractTests", "Fixtures", "charsets")

TEXTS = {
    "fr": ("Le théâtre rouvre ses portes à Montréal",
           "Après deux années de fermeture, le célèbre théâtre a accueilli jeudi soir plus de mille spectateurs. "
           "« C’était émouvant », a déclaré la directrice, Hélène Côté ; la pièce — une œuvre de Molière — coûtait 25 €."),
    "fr15": ("La facture d'électricité dépasse 100 € par mois",
             "Les ménages ont vu leur facture augmenter cette année. Le cœur du problème reste le coût de l'œuvre de rénovation du réseau."),
    "es": ("El niño que salvó a su pueblo de la inundación",
           "Según los vecinos, el pequeño Martín avisó a la alcaldía cuando el río empezó a crecer. «Fue muy valiente», dijo su maestra."),
    "de": ("Bürgermeister eröffnet neue Brücke über die Spree",
           "Die Straßenbahn fährt ab März wieder durch Köpenick. Anwohner äußerten sich überwiegend zufrieden über die Öffnung."),
    "pl": ("Żółta kartka dla ministra: Sejm debatuje o budżecie",
           "Posłowie przez cały dzień spierali się o wydatki na zdrowie. Według marszałka głosowanie odbędzie się w piątek."),
    "cs": ("Praha otevřela nový most přes Vltavu",
           "Nový most spojuje Holešovice s Karlínem. Primátor řekl, že stavba trvala čtyři roky a stála přes dvě miliardy korun."),
    "ru": ("Москва готовится к зиме",
           "Городские службы начали подготовку к снегопадам. По словам мэрии, на улицы выйдут более десяти тысяч единиц техники."),
    "ru2": ("Петербург встречает белые ночи",
            "В Санкт-Петербурге начался сезон белых ночей. Туристы со всего мира приезжают, чтобы увидеть разводные мосты над Невой."),
    "ru3": ("Правительство утвердило бюджет на следующий год",
            "Министр финансов заявил, что расходы на образование и здравоохранение вырастут. Оппозиция раскритиковала документ."),
    "el": ("Σεισμός 5,2 Ρίχτερ ταρακούνησε την Κρήτη",
           "Ο σεισμός σημειώθηκε τις πρωινές ώρες της Τρίτης και έγινε αισθητός σε όλο το νησί. Δεν αναφέρθηκαν ζημιές."),
    "el2": ("Η Αθήνα φιλοξενεί διεθνές συνέδριο για το κλίμα",
            "Περισσότεροι από δύο χιλιάδες επιστήμονες συμμετέχουν στο συνέδριο, που θα διαρκέσει τρεις ημέρες."),
    "tr": ("İstanbul'da şiddetli yağmur trafiği durdurdu",
           "Sağanak yağış nedeniyle birçok caddede su baskınları yaşandı. Belediye ekipleri gece boyunca çalıştı; öğrenciler okula ulaşmakta güçlük çekti."),
    "tr2": ("Ankara'da yeni müze açıldı",
            "Kültür Bakanlığı'nın desteğiyle açılan müze, Anadolu'nun binlerce yıllık tarihini ziyaretçilere sunuyor."),
    "he": ("ירושלים: נפתח מוזיאון חדש",
           "המוזיאון החדש בירושלים נפתח היום לקהל הרחב. אלפי מבקרים הגיעו כבר בשעות הבוקר."),
    "ar": ("افتتاح معرض الكتاب في القاهرة",
           "افتتح معرض القاهرة الدولي للكتاب أبوابه اليوم بمشاركة مئات الناشرين من مختلف الدول العربية."),
    "lt": ("Vilniuje atidarytas naujas tiltas",
           "Naujasis tiltas per Nerį sujungė Žirmūnus ir Antakalnį. Mero teigimu, statybos užtruko dvejus metus."),
    "ja": ("東京で桜が満開に　気象庁が発表",
           "気象庁は二十五日、東京都心で桜が満開になったと発表しました。平年より五日早く、多くの人が公園を訪れています。"),
    "ja2": ("大阪の新しい美術館が開館",
            "大阪市の中之島に新しい美術館がオープンし、初日から多くの来場者でにぎわいました。館長は「市民に愛される場所にしたい」と話しています。"),
    "ko": ("서울 지하철 요금 인상 확정",
           "서울시는 다음 달부터 지하철 기본요금을 인상한다고 밝혔습니다. 시민들은 물가 상승으로 부담이 커질 것이라고 우려했습니다."),
    "zh": ("北京举行国际科技博览会",
           "本届博览会吸引了来自四十多个国家和地区的一千余家企业参展。组织者表示，人工智能和新能源技术是今年的重点展示内容。"),
    "zh2": ("上海股市周一收高",
            "上证综合指数周一上涨百分之一点二，科技股领涨。分析人士认为，市场信心正在恢复，但投资者仍需谨慎。"),
    "zh3": ("广州地铁新线路开通运营",
            "广州地铁十一号线于周六正式开通，全长四十四公里，设站三十二座。市民纷纷前往体验，称出行更加方便了。"),
    "zhtw": ("臺北市長宣布新的交通政策",
             "臺北市政府今天宣布，將在明年實施新的公車路線規劃。市長表示，這項政策將大幅改善市民的通勤時間。"),
}


def page(text_key, head_decl="", xml_decl=""):
    title, body = TEXTS[text_key]
    return (f"{xml_decl}<!DOCTYPE html>\n<html>\n<head>\n{head_decl}<title>{title}</title>\n</head>\n"
            f"<body>\n<article>\n<h1>{title}</h1>\n<p>{body}</p>\n</article>\n</body>\n</html>\n")


def meta(label):
    return f'<meta charset="{label}">\n'


def http_equiv(label):
    return f'<meta http-equiv="Content-Type" content="text/html; charset={label}">\n'


# (file name, text, Python codec, markup declaration, HTTP Content-Type passed by the test)
CASES = [
    ("windows-1252.html", "fr", "cp1252", meta("windows-1252"), None),
    ("iso-8859-1.html", "de", "latin_1", http_equiv("ISO-8859-1"), None),
    ("iso-8859-2.html", "pl", "iso8859_2", meta("iso-8859-2"), None),
    ("iso-8859-5.html", "ru", "iso8859_5", meta("ISO-8859-5"), None),
    ("iso-8859-7.html", "el", "iso8859_7", meta("iso-8859-7"), None),
    ("iso-8859-9.html", "tr", "iso8859_9", meta("iso-8859-9"), None),
    ("iso-8859-15.html", "fr15", "iso8859_15", meta("iso-8859-15"), None),
    ("windows-1250.html", "cs", "cp1250", meta("windows-1250"), None),
    ("windows-1251.html", "ru3", "cp1251", meta("windows-1251"), None),
    ("windows-1253.html", "el2", "cp1253", meta("windows-1253"), None),
    ("windows-1254.html", "tr2", "cp1254", meta("windows-1254"), None),
    ("windows-1255.html", "he", "cp1255", meta("windows-1255"), None),
    ("windows-1256.html", "ar", "cp1256", meta("windows-1256"), None),
    ("windows-1257.html", "lt", "cp1257", meta("windows-1257"), None),
    ("koi8-r.html", "ru2", "koi8_r", meta("koi8-r"), None),
    ("shift_jis.html", "ja", "shift_jis", meta("Shift_JIS"), None),
    ("euc-jp.html", "ja2", "euc_jp", http_equiv("EUC-JP"), None),
    ("euc-kr.html", "ko", "euc_kr", http_equiv("euc-kr"), None),
    ("gb2312.html", "zh", "gb2312", meta("gb2312"), None),
    ("gbk.html", "zh2", "gbk", meta("GBK"), None),
    ("gb18030.html", "zh3", "gb18030", meta("GB18030"), None),
    ("big5.html", "zhtw", "big5", meta("big5"), None),
    # No declaration anywhere: the bytes decide.
    ("undeclared-utf-8.html", "ja", "utf_8", "", None),
    ("undeclared-windows-1252.html", "es", "cp1252", "", None),
    ("undeclared-shift_jis.html", "ja", "shift_jis", "", None),
    ("undeclared-euc-jp.html", "ja2", "euc_jp", "", None),
    ("undeclared-euc-kr.html", "ko", "euc_kr", "", None),
    ("undeclared-gb18030.html", "zh3", "gb18030", "", None),
    ("undeclared-gb2312.html", "zh", "gb2312", "", None),
    ("undeclared-big5.html", "zhtw", "big5", "", None),
    ("undeclared-windows-1251.html", "ru3", "cp1251", "", None),
    ("undeclared-koi8-r.html", "ru2", "koi8_r", "", None),
    ("undeclared-iso-2022-jp.html", "ja2", "iso2022_jp", "", None),
    ("iso-2022-jp.html", "ja", "iso2022_jp", meta("iso-2022-jp"), None),
    # Declared elsewhere than a <meta charset>.
    ("http-header-big5.html", "zhtw", "big5", "", "text/html; charset=Big5"),
    ("http-header-over-meta.html", "ja", "shift_jis", meta("iso-8859-1"), "text/html; charset=Shift_JIS"),
    ("xml-declaration-iso-8859-2.html", "pl", "iso8859_2", "", None),
    # Declarations that lie.
    ("lying-utf-8-is-windows-1252.html", "fr", "cp1252", meta("utf-8"), None),
    ("lying-latin1-is-utf-8.html", "de", "utf_8", meta("iso-8859-1"), None),
    ("lying-header-utf-8-is-euc-kr.html", "ko", "euc_kr", "", "text/html; charset=utf-8"),
    ("lying-header-utf-8-meta-big5.html", "zhtw", "big5", meta("big5"), "text/html; charset=UTF-8"),
]


def main():
    os.makedirs(OUT, exist_ok=True)
    manifest = []
    for name, key, codec, decl, header in CASES:
        xml = '<?xml version="1.0" encoding="ISO-8859-2"?>\n' if name.startswith("xml-") else ""
        data = page(key, decl, xml).encode(codec)
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
        title, body = TEXTS[key]
        manifest.append({"file": name, "codec": codec, "http": header, "title": title, "body": body})
    with open(os.path.join(OUT, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
