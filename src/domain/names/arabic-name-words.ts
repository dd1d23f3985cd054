/**
 * Common Arabic, Persian and Urdu name words and their usual Latin spellings, most common
 * first. Unvocalised Arabic script does not say which short vowels a name has, so a letter
 * table alone cannot give "Qassem" or "Soleimani"; for the names lists hold most, the spelling
 * is looked up here, and `romanizeArabic` falls back to letters for the rest.
 *
 * Keys are in `normalizeName` form (أ إ آ → ا, ی → ي, ک → ك, ئ → ي, ؤ → و) and without the
 * article ال, which the romanizer handles. The spellings gather the forms used by OFAC, the UN,
 * the EU and the press (Arabic-, Persian- and French-style).
 */
const TABLE = `
محمد:mohammad|muhammad|mohammed|mohamed|muhammed
احمد:ahmad|ahmed|akhmad
محمود:mahmoud|mahmud
مصطفى:mustafa|mostafa|moustafa
علي:ali
حسن:hassan|hasan
حسين:hussein|hossein|husayn|hussain|hosein
حسان:hassan|hasan
الله:allah|ullah|ollah
عبد:abd|abdul|abdel
عبدالله:abdullah|abdallah|abdollah|abd allah|abdulla
عبدالرحمن:abdulrahman|abdelrahman|abdurrahman|abd al rahman|abdolrahman
عبدالعزيز:abdulaziz|abdelaziz|abd al aziz
عبدالقادر:abdulqadir|abdelkader|abd al qadir
عبدالكريم:abdulkarim|abdelkarim|abd al karim
عبدالحميد:abdulhamid|abdelhamid|abd al hamid
عبدالمجيد:abdulmajid|abdelmajid|abd al majid
عبدالملك:abdulmalik|abdelmalek|abd al malik
عبدالرحيم:abdulrahim|abdelrahim|abd al rahim
عبدالسلام:abdulsalam|abdessalam|abd al salam
عمر:omar|umar
عثمان:osman|othman|uthman|usman
خالد:khaled|khalid
خليل:khalil
ابراهيم:ibrahim|ebrahim|brahim
اسماعيل:ismail|esmaeil|ismael
اسحاق:ishaq|eshagh|ishak
يعقوب:yaqub|yacoub|yakub|yaghoub
يوسف:yousef|yusuf|youssef|yousuf
يونس:younes|yunus|younis
موسى:musa|mousa|moussa
عيسى:isa|issa|eisa
يحيى:yahya|yahia
زكريا:zakaria|zakariya|zakariyya
سليمان:suleiman|sulaiman|soleiman|sulayman
داود:dawood|daoud|davood|dawud
هارون:haroun|harun
ايوب:ayoub|ayub
ادريس:idris|idrees
نوح:nuh|nooh
قاسم:qasem|qassem|qasim|kasim|ghasem|kassem
جاسم:jassim|jasem|jasim
جعفر:jafar|jaafar|jafer
صادق:sadiq|sadegh|sadek|sadeq
كاظم:kazem|kadhim|kazim
رضا:reza|rida|ridha
مهدي:mahdi|mehdi
هادي:hadi
حيدر:haidar|heydar|haider|hayder
جواد:javad|jawad
باقر:baqir|bagher|baqer
نصر:nasr|nasser
ناصر:nasser|naser|nasir
نصير:nasir|naseer
نصرالله:nasrallah|nasrullah
منصور:mansour|mansur
فاطمة:fatima|fatemeh|fatma
زينب:zainab|zeinab|zaynab
مريم:maryam|mariam
عايشة:aisha|ayesha|aicha
خديجة:khadija|khadijeh|khadidja
ليلى:leila|layla|laila
ايمان:iman|eman
سعيد:saeed|said|saied|saeid
سعد:saad|sad
سعود:saud|saoud
فيصل:faisal|feisal|faysal
طلال:talal
بندر:bandar
سلطان:sultan|soltan
عزيز:aziz
كريم:karim|kareem
رحمن:rahman|rehman
رحيم:rahim|raheem
حميد:hamid|hameed
مجيد:majid|majeed
ماجد:majed|majid
رشيد:rashid|rasheed
راشد:rashid|rashed
سالم:salem|salim
سليم:salim|selim|saleem
مرتضى:morteza|murtada|murtaza
مجتبى:mojtaba|mujtaba
مقتدى:muqtada|moqtada
محسن:mohsen|muhsin
حسام:hossam|husam
عماد:imad|emad
عادل:adel|adil
جمال:jamal|gamal
كمال:kamal
كامل:kamel|kamil
بشار:bashar|bashshar
اسد:assad|asad|asaad
حافظ:hafez|hafiz
رامي:rami
ماهر:maher|mahir
مخلوف:makhlouf|makhluf
نبيل:nabil|nabeel
وليد:walid|waleed
طارق:tariq|tarek|tareq
زياد:ziad|ziyad
رياض:riad|riyad|riyadh
فواد:fuad|fouad
انور:anwar|anouar
اكبر:akbar
اصغر:asghar|asgar
جليل:jalil
خامنيي:khamenei|khamenehi
خامنهاي:khamenei|khamenehi|khamenehei
روحاني:rouhani|rohani|ruhani
رييسي:raisi|raeisi|raeesi
ظريف:zarif
ولايتي:velayati|welayati
شمخاني:shamkhani
قاليباف:qalibaf|ghalibaf
لاريجاني:larijani
سليماني:soleimani|suleimani|sulaimani|soleymani|sulaymani
نجاد:nejad|najad
احمدي:ahmadi
باقري:bagheri|baqeri|baqiri
حاجي:haji|hajji
زاده:zadeh|zade
پور:pour|pur
بن:bin|ben|ibn
ابن:ibn|ebn
ابو:abu|abou
ام:umm|um|om
بكر:bakr|bakar|baker
بغدادي:baghdadi
ظواهري:zawahiri|zawahri
لادن:laden|ladin
اسامة:osama|usama|usamah
ايمن:ayman|aiman
هاني:hani
حمزة:hamza|hamzah
حمد:hamad|hamed
مكتوم:maktoum|maktum
زايد:zayed|zaid
نهيان:nahyan|nahayan
ثاني:thani|sani
خليفة:khalifa|khalifeh
تميم:tamim|tameem
نوري:nouri|nuri
مالكي:maliki
صدام:saddam
صدر:sadr
هاشم:hashem|hashim
هاشمي:hashemi|hashimi
حسيني:hosseini|husseini|husaini
موسوي:mousavi|musawi|moussaoui|musavi
طباطبايي:tabatabai|tabatabaei
رفسنجاني:rafsanjani
خميني:khomeini|khomeyni
اسلامي:eslami|islami
ابراهيمي:ebrahimi|ibrahimi
امين:amin|ameen
امير:amir|emir
اميري:amiri
اميني:amini
فرج:faraj|farag
شريف:sharif|sherif
صالح:saleh|salih
فارس:fares|faris
ياسر:yasser|yasir|yaser
ياسين:yassin|yasin|yaseen
قادر:qadir|qader|kadir|ghader
ملك:malik|malek
رسول:rasul|rasoul
نور:nur|noor|nour
دين:din|deen
الدين:al din|ad din|eddine|uddin
نورالدين:nuruddin|nur al din|noureddine|nureddin
صلاح:salah
شاه:shah
ميرزا:mirza
خان:khan
فرهاد:farhad
بهروز:behrouz|behruz
مسعود:masoud|masud|massoud
محمدي:mohammadi|muhammadi
رحماني:rahmani
كريمي:karimi
جعفري:jafari|jaafari
قربان:qorban|ghorban|kurban
قرباني:ghorbani|qorbani
سيد:sayyid|seyed|sayed|syed
شيخ:sheikh|shaikh|shaykh
حاج:haj|hajj
عباس:abbas
عباسي:abbasi
مراد:murad|morad
مرادي:moradi|muradi
نادر:nader|nadir
نادري:naderi
ناصري:naseri|nasseri
صفوي:safavi
حجازي:hejazi|hijazi
سلامي:salami
فاضل:fazel|fadel|fadhil|fazil
عراقي:iraqi|araghi
بشير:bashir|basheer
عمران:imran|omran
بلال:bilal
هيثم:haitham|heitham|haysam
عزت:izzat|ezzat
شوكت:shawkat|shokat
عصام:issam|essam|isam
وايل:wael|wail
مازن:mazen|mazin
غسان:ghassan
زهير:zuhair|zoheir
بدر:badr|bader
سمير:samir|sameer
نزار:nizar|nezar
نجيب:najib|naguib
حبيب:habib
ذاكر:zakir|dhakir
ضيا:zia|ziya|diya
ظاهر:zahir|zaher|dhahir
طاهر:taher|tahir
طه:taha
غلام:gholam|ghulam|golam
شاكر:shakir|shaker
راضي:radi|razi
زكي:zaki
عمار:ammar
سلمان:salman
معمر:muammar|moammar
قذافي:qadhafi|gaddafi|kadhafi|qaddafi
سيف:saif|seif|sayf
اسلام:islam
علوي:alawi|alavi
نقوي:naqvi|naqavi
رضوي:razavi|rizvi
جيلاني:gilani|jilani
شيرازي:shirazi
تهراني:tehrani
اصفهاني:isfahani|esfahani
قريشي:qureshi|qurashi
صديقي:siddiqui|sadighi|siddiqi
فاروق:farouk|faruq|farooq
حقاني:haqqani
ملا:mulla|molla|mullah
هشام:hisham|hesham
جابر:jaber|jabir
حكيم:hakim|hakeem
باسل:basil|bassel
بسام:bassam
عاصم:asim|assem
خضر:khadr|khidr|khezr
`;

function parse(table: string): ReadonlyMap<string, readonly string[]> {
  const words = new Map<string, readonly string[]>();
  for (const line of table.split('\n')) {
    const [word, spellings] = line.split(':');
    if (word && spellings) words.set(word, Object.freeze(spellings.split('|')));
  }
  return words;
}

/** Arabic-script name word (normalised, no article) → its Latin spellings, most common first. */
export const ARABIC_NAME_WORDS: ReadonlyMap<string, readonly string[]> = parse(TABLE);
