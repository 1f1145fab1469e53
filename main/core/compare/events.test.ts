import { describe, expect, it } from 'vitest';
import { clusterStories, dayNumber, type StoryDoc } from './clusterer';
import { differentEvents, type EventArticle } from './events';
import { DocFrequencies, eventKeys, storyFeatures } from './features';
import { packEventKeys, unpackEventKeys } from './templates';

/**
 * Headlines and the first sentences of their articles as SaudiNewsNet
 * (July-August 2015) published them: pairs that report one event and pairs
 * that, however alike, report two.
 */
const news = {
  heatMadina21: {
    day: '2015-07-21',
    source: 'almadina',
    title: 'الأرصاد: طقس شديد الحرارة على شرق و وسط المملكة',
    lead: 'توقّعت الرئاسة العامة للأرصاد وحماية البيئة في تقريرها عن حالة الطقس لهذا اليوم الثلاثاء طقساً شديد الحرارة على شرق ووسط المملكة ومعتدل على المرتفعات مع استمرار تدني الرؤية الأفقية بسبب الأتربة المثارة على الشرقية و الرياض والمدينة المنورة ومكة المكرمة وجازان وعسير والباحة ونجران . كما توقعت',
  },
  heatEqtisadiya22: {
    day: '2015-07-22',
    source: 'aleqtisadiya',
    title: 'طقس شديد الحرارة على شرق ووسط المملكة',
    lead: 'توقّعت الرئاسة العامة للأرصاد وحماية البيئة في تقريرها عن حالة الطقس لهذا اليوم بمشيئة الله تعالى ـ طقساً شديد الحرارة على شرق ووسط المملكة ومعتدل على المصائف مع استمرار تدني الرؤية الأفقية بسبب الأتربة المثارة على السواحل الجنوبية للبحر الأحمر كذلك على الأجزاء الواقعة شرق مرتفعات عسير والباحة تمتد',
  },
  heatWeeam21: {
    day: '2015-07-21',
    source: 'alweeam',
    title: 'طقس شديد الحرارة على شرق ووسط المملكة',
    lead: 'توقّعت الرئاسة العامة للأرصاد وحماية البيئة في تقريرها عن حالة الطقس لهذا اليوم بمشيئة الله تعالى ـ طقساً شديد الحرارة على شرق ووسط المملكة ًمعتدلأ على المصائف , مع فرصة لتكون السحب الركامية على مرتفعات عسير وجازان تمتد حتى الباحة. كما توقعت الأرصاد نشاطاً للرياح السطحية مثيرة للأتربة والغبار تحد',
  },
  subaieDeath: {
    day: '2015-08-07',
    source: '3alyoum',
    title: 'استشهاد الرقيب ماجد السبيعي بعد إصابته بمقذوف في قطاع نجران',
    lead: 'عبدالرحمن الشهري – عين اليوم أعلنت قيادة القوات المشتركة في بيان لها اليوم استشهاد الرقيب ماجد بن فهد بن فهيد السبيعي – رحمه الله – من منسوبي الحرس الوطني بعد اصابته بمقذوف في قطاع نجران ، داعية الله بأن يتغمده بواسع رحمته ويتقبله مع الشهداء ، ويلهم أهله وذويه الصبر والسلوان، إنا لله وإنا اليه',
  },
  subaieCondolence: {
    day: '2015-08-08',
    source: 'almadina',
    title: 'الأمير متعب بن عبدالله يعزّي أسرة الشهيد ماجد السبيعي',
    lead: 'قدم صاحب السمو الملكي الأمير متعب بن عبدالله وزير الحرس الوطني، تعازيه ومواساته لوالد الشهيد الرقيب ماجد بن فهد السبيعي - رحمه الله - من منسوبي قوات الحرس الوطني، الذي استشهد بعد إصابته بمقذوف في قطاع نجران. ودعا سموه في اتصال هاتفي المولى عز وجل أن يتغمد الفقيد برحمته ومغفرته، ويتقبله في الشهداء',
  },
  subaieDeathYaum: {
    day: '2015-08-08',
    source: 'alyaum',
    title: 'استشهاد الرقيب السبيعي في نجران',
    lead: 'أعلنت قيادة القوات المشتركة في بيان لها أمس عن استشهاد الرقيب ماجد بن فهد بن فهيد السبيعي -رحمه الله- من منسوبي الحرس الوطني بعد اصابته بمقذوف في قطاع نجران، داعية الله بأن يتغمده بواسع رحمته ويتقبله مع الشهداء، ويلهم أهله وذويه الصبر والسلوان.',
  },
  kingCarter: {
    day: '2015-07-22',
    source: 'aleqtisadiya',
    title: 'خادم الحرمين الشريفين يستقبل وزير الدفاع الأمريكي',
    lead: 'استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في قصر السلام اليوم وزير الدفاع الأمريكي اشتون كارتر والوفد المرافق له . ونقل كارتر لخادم الحرمين الشريفين تحيات الرئيس باراك أوباما رئيس الولايات المتحدة الأمريكية، فيما حمله تحياته له . وجرى خلال الاستقبال استعراض العلاقات بين المملكة وأمريكا،',
  },
  deputyCrownPrinceCarter: {
    day: '2015-07-22',
    source: 'almadina',
    title: 'ولي ولي العهد يعقد اجتماعاً مع وزير الدفاع الأمريكي',
    lead: 'عقد صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع في مكتبه بجدة اليوم اجتماعاً ثنائياً مع معالي وزير الدفاع الأمريكي اشتون كارتر. وجرى خلال الاجتماع الثنائي مناقشة مجالات التعاون العسكري القائم بين البلدين . عقب ذلك عقد الأمير محمد بن',
  },
  kingCarterNextDay: {
    day: '2015-07-23',
    source: 'aleqtisadiya',
    title: 'الملك ووزير الدفاع الأمريكي يستعرضان مستجدات الأوضاع في المنطقة',
    lead: 'استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز، في قصر السلام أمس، أشتون كارتر وزير الدفاع الأمريكي والوفد المرافق له. ونقل كارتر لخادم الحرمين الشريفين تحيات الرئيس باراك أوباما رئيس الولايات المتحدة، فيما حمله خادم الحرمين الشريفين تحياته له. الملك يصافح أشتون كارتر . وجرى خلال الاستقبال',
  },
  kuwaitCondemns: {
    day: '2015-08-06',
    source: 'almadina',
    title: 'الكويت تدين بشدة التفجير الإرهابي في عسير',
    lead: 'أعربت دولة الكويت عن ادانتها واستنكارها الشديدين لحادث التفجير الإرهابي الذي استهدف مسجداً لقوات الطوارئ في منطقة عسير اليوم وأدى إلى مقتل واصابة عدد من رجال الأمن. وقال مصدر مسؤول في وزارة الخارجية الكويتية في تصريح صحفي إن "هذه الجريمة البشعة التي تأتي استمراراً لمسلسل الاٍرهاب البغيض الذي يسعى',
  },
  bahrainCondemns: {
    day: '2015-08-06',
    source: 'alyaum',
    title: 'البحرين تدين التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ في عسير',
    lead: 'أدانت مملكة البحرين التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ في عسير اليوم وأودى بحياة عدد من رجال الأمن وإصابة آخرين. وشددت وفقاً لما نقلته وكالة الانباء البحرينية، على أن هذه الجريمة لا تمت بصلة لأي دين وتتنافى تمامًا مع القيم الأخلاقية والإنسانية كافة. وأعربت مملكة البحرين عن تعازيها',
  },
  zayaniColon: {
    day: '2015-07-24',
    source: 'aleqtisadiya',
    title: 'الزياني: تصريحات المالكي باطلة ومشينة وتخدم المصالح الأجنبية',
    lead: 'استنكرت عدة جهات بشدة تصريحات نوري المالكي نائب الرئيس العراقي تجاه السعودية التي أدلى بها إلى إحدى محطات التلفزيون العراقية التي ادعى فيها أن المملكة العربية السعودية راعية وداعمة للإرهاب. ووصف الدكتور عبداللطيف بن راشد الزياني الأمين العام لمجلس التعاون لدول الخليج العربية، تصريحات المالكي بأنها',
  },
  zayaniCondemns: {
    day: '2015-07-24',
    source: 'aawsat',
    title: 'الأمين العام لمجلس التعاون يستنكر تصريحات المالكي تجاه السعودية',
    lead: 'استنكر الدكتور عبد اللطيف الزياني الأمين العام لمجلس التعاون لدول الخليج العربية، بشدة، تصريحات نوري المالكي نائب رئيس العراق تجاه السعودية، التي أدلى بها إلى إحدى محطات التلفزيون العراقية، واصفا تلك التصريحات بأنها غير مسؤولة واتهامات باطلة وشائنة لا تساعد على تعزيز العلاقات الخليجية - العراقية.',
  },
  geagea: {
    day: '2015-07-21',
    source: 'almadina',
    title: 'ولي ولي العهد يجتمع مع رئيس حزب القوات اللبنانية',
    lead: 'اجتمع صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع في جدة مساء اليوم مع رئيس حزب القوات اللبنانية سمير جعجع. وجرى خلال الاجتماع استعراض مستجدات الأوضاع على الساحة اللبنانية.',
  },
  chechenEqtisadiya: {
    day: '2015-07-21',
    source: 'aleqtisadiya',
    title: 'ولي ولي العهد يلتقي رئيس جمهورية الشيشان',
    lead: 'التقى الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع في جدة اليوم الرئيس رمضان أحمد قاديروف رئيس جمهورية الشيشان. وجرى خلال اللقاء بحث عدد من المسائل ذات الاهتمام المشترك. حضر اللقاء وزير الدولة عضو مجلس الوزراء الدكتور مساعد العيبان ووزير الخارجية',
  },
  chechenWeeam: {
    day: '2015-07-21',
    source: 'alweeam',
    title: 'الأمير محمد بن سلمان يلتقي رئيس جمهورية الشيشان',
    lead: 'التقى صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع في جدة اليوم فخامة الرئيس رمضان أحمد قاديروف رئيس جمهورية الشيشان. وجرى خلال اللقاء بحث عدد من المسائل ذات الاهتمام المشترك. حضر اللقاء معالي وزير الدولة عضو مجلس الوزراء الدكتور',
  },
  thadiqExecution: {
    day: '2015-07-31',
    source: 'aleqtisadiya',
    title: 'القتل تعزيراً لمهرب هيروين بثادق',
    lead: 'أصدرت وزارة الداخلية اليوم بيانًا بشأن تنفيذ حكم القتل تعزيرًا في مهرب مخدرات بمنطقة الرياض وفيما يلي نص البيان : قال الله تعالى : (( إِنَّمَا جَزَاءُ الَّذِينَ يُحَارِبُونَ اللَّهَ وَرَسُولَهُ وَيَسْعَوْنَ فِي الْأَرْضِ فَسَادًا أَنْ يُقَتَّلُوا أَوْ يُصَلَّبُوا أَوْ تُقَطَّعَ أَيْدِيهِمْ',
  },
  syrianExecution: {
    day: '2015-07-31',
    source: 'alriyadh',
    title: 'القتل تعزيراً لمهرب مخدرات سوري في الرياض',
    lead: 'أصدرت وزارة الداخلية أمس بيانًا بشأن تنفيذ حكم القتل تعزيراً في مهرب مخدرات بمنطقة الرياض، وفيما يلي نصه: قال الله تعالى: ((إنما جزاء الذين يحاربون الله ورسوله ويسعون في الأرض فساداً أن يقتلوا أو يصلبوا أو تقطع أيديهم وأرجلهم من خلاف أو ينفوا من الأرض ذلك لهم خزي في الدنيا ولهم في الآخرة عذاب',
  },
  thadiqPakistani: {
    day: '2015-07-31',
    source: '3alyoum',
    title: 'القتل للباكستاني شاه فيصل عظيم لتهريبه الهيروين بثادق',
    lead: 'عين اليوم – الرياض أصدرت وزارة الداخلية اليوم بيانًا بشأن تنفيذ حكم القتل تعزيرًا في مهرب مخدرات بمنطقة الرياض وفيما يلي نص البيان : قال الله تعالى : (( إِنَّمَا جَزَاءُ الَّذِينَ يُحَارِبُونَ اللَّهَ وَرَسُولَهُ وَيَسْعَوْنَ فِي الْأَرْضِ فَسَادًا أَنْ يُقَتَّلُوا أَوْ يُصَلَّبُوا أَوْ تُقَطَّعَ',
  },
  cairoDeparture: {
    day: '2015-07-31',
    source: 'alriyadh',
    title: 'ولي ولي العهد يغادر القاهرة',
    lead: 'غادر صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع جمهورية مصر العربية بعد زيارة عمل التقى خلالها بفخامة الرئيس المصري عبدالفتاح السيسي وعدد من المسؤولين في مصر . وكان في وداع الأمير محمد بن سلمان لدى مغادرته مطار القاهرة الدولي معالي',
  },
  cairoCable: {
    day: '2015-07-31',
    source: 'okaz',
    title: 'المباحثات المشتركة أثبتت متانة العلاقات بين المملكة ومصر',
    lead: 'بعث صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع برقية شكر لفخامة الرئيس عبدالفتاح السيسي رئيس جمهورية مصر العربية، وذلك بعد انتهاء زيارة سموه لمصر. وقال سمو ولي ولي العهد في نص برقيته: «فخامة الرئيس / عبدالفتاح السيسي حفظه الله رئيس',
  },

  cairoDeclaration: {
    day: '2015-07-31',
    source: 'alriyadh',
    title: 'إعلان القاهرة: تطوير التعاون العسكري بين المملكة ومصر وإنشاء قوة عربية مشتركة',
    lead: 'صدر اليوم بيان مشترك (إعلان القاهرة) بمناسبة زيارة صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع فيما يلي نصه : انطلاقاً من العلاقات الوثيقة والراسخة التي تربط جمهورية مصر العربية والمملكة العربية السعودية بقيادة خادم الحرمين الشريفين',
  },
  muftiSpeaker: {
    day: '2015-08-06',
    source: '3alyoum',
    title: 'المفتي: مفجرو المساجد فئة ضالة خارجة عن الإسلام',
    lead: 'عين اليوم – الرياض وصف مفتي عام المملكة رئيس هيئة كبار العلماء رئيس اللجنة الدائمة للبحوث العلمية والإفتاء الشيخ عبدالعزيز بن عبدالله آل الشيخ حادثة التفجير الغاشم الذي استهدف مسجد قوات الطوارئ الخاصة بمنطقة عسير ، ونتج عنه استشهاد عشرة من منسوبي قوات الطوارئ الخاصة وثلاثة من العاملين في الموقع ،',
  },
  councilSpeaker: {
    day: '2015-08-07',
    source: 'almadina',
    title: 'كبار العلماء: على الجميع استئصال جذور هذه النبتة الخبيثة',
    lead: 'أدانت الأمانة العامة لهيئة كبار العلماء وبشدة العمل الإجرامي الدنيء الذي استهدف مسجدًا بمقر قوات الطوارىء في منطقة عسير ونتج عنه عدد من الوفيات والمصابين. وأكدت الأمانة في بيان لها امس أن ما وصل إليه هؤلاء المجرمون من استخفاف بحرمات الله وبيوته والإلحاد فيها يوجب وقوف الجميع صفًا واحدًا لاستئصال',
  },
  muftiSpeakerNextDay: {
    day: '2015-08-07',
    source: 'almadina',
    title: 'المفتي العام: عمل إجرامي لا يقبله إنسان ولا دين',
    lead: 'وصف سماحة مفتي عام المملكة رئيس هيئة كبار العلماء رئيس اللجنة الدائمة للبحوث العلمية والإفتاء الشيخ عبدالعزيز بن عبدالله آل الشيخ حادثة التفجير الغاشم الذي استهدف مسجد قوات الطوارئ الخاصة بمنطقة عسير، ونتج عنه استشهاد عشرة من منسوبي قوات الطوارئ الخاصة وثلاثة من العاملين في الموقع، وإصابة تسعة',
  },
  interiorSaudi: {
    day: '2015-08-08',
    source: 'aawsat',
    title: 'الداخلية السعودية تكشف هوية منفذ هجوم مسجد الطوارئ',
    lead: 'كشفت وزارة الداخلية السعودية هوية الانتحاري الذي فجر نفسه داخل مسجد قوات الطوارئ في مدينة أبها (جنوب السعودية)، وهو يوسف بن سليمان بن عبد الله السليمان، وعمره 21 سنة. وقالت في بيان لها إن التفجير خلف 5 شهداء من رجال الأمن و6 متدربين. وصرح المتحدث الأمني بوزارة الداخلية بأنه إلحاقًا لما سبق إعلانه',
  },
  interiorMinistry: {
    day: '2015-08-08',
    source: 'almadina',
    title: 'وزارة الداخلية تكشف هوية منفذ تفجير مسجد قوة الطوارئ بعسير',
    lead: 'صرح المتحدث الأمني بوزارة الداخلية بأنه إلحاقاً لما سبق إعلانه يوم الخميس الموافق 21 / 10 / 1436هـ , بشأن حدوث تفجير أثناء قيام منسوبي قوة الطوارئ الخاصة بمنطقة عسير بأداء صلاة الظهر جماعة في مسجد مقر القوة, مما نتج عنه استشهاد (15) خمسة عشر وإصابة (33) ( تغمد الله الشهداء بواسع رحمته وعجل بشفاء',
  },
  platiniWeighsRun: {
    day: '2015-07-21',
    source: 'aljazirah',
    title: 'بلاتيني «يدرس جدياً» الترشح لانتخابات رئاسة الفيفا',
    lead: 'أعلن مصدر مقرَّب من الفرنس:ي ميشال بلاتيني رئيس الاتحاد الأوروبي لكرة القدم أن الأخير يدرس جدياً الترشح لانتخابات رئاسة الفيفا وأنه سيتخذ قراره في غضون أسبوعين. وقال المصدر لوكالة «فرانس برس» إن بلاتيني يدرس الترشح للانتخابات بعد تلقيه دعماً شفهياً من أربعة اتحادات قارية من أصل ستة. وقال المصدر «إنه',
  },
  fifaDate: {
    day: '2015-07-21',
    source: 'almadina',
    title: 'انتخابات رئاسة الفيفا في 26 فبراير المقبل',
    lead: 'حددت اللجنة التنفيذية للاتحاد الدولي لكرة القدم (فيفا) يوم السادس والعشرين من فبراير 2016 موعدًا للجمعية العمومية غير العادية لانتخاب رئيس جديد خلفًا للسويسري جوزيف بلاتر. وجاء على صفحة الفيفا على موقع تويتر «حددت الجمعية العمومية غير العادية لانتخابات رئاسة الفيفا في 26 فبراير في زيوريخ». وقدم بلات',
  },
  fifaDateUndated: {
    day: '2015-07-21',
    source: 'alweeam',
    title: 'الفيفا: انتخاب رئيس جديد في فبراير',
    lead: 'قال الاتحاد الدولي لكرة القدم (الفيفا) اليوم الاثنين عبر موقع تويتر للتواصل الاجتماعي على الانترنت إنه تقرر عقد جمعية عمومية غير عادية للاتحاد لانتخاب رئيس جديد للفيفا في 26 فبراير شباط 2016 في زوريخ السويسرية. وأكد الاتحاد أن “جمعية عمومية غير عادية” بمشاركة جميع الأعضاء وعددهم 209 أعضاء ستعقد من أ',
  },
  graduates63: {
    day: '2015-07-22',
    source: 'alriyadh',
    title: 'تخريج 63 مستفيداً من مركزي محمد بن نايف للمناصحة',
    lead: 'صرح المتحدث الأمني بوزارة الداخلية بأنه إلحاقاً لما سبق الإعلان عنه بتاريخ 2 / 6 / 1436هـ عن تخريج الدورتين (الخامسة والثلاثين) و(العاشرة) من المستفيدين بمركزي محمد بن نايف للمناصحة والرعاية بالرياض وجدة وعددهم ( 56 ) مستفيداً ، فقد تم بتوفيق الله تعالى تخريج الدورة (السادسة والثلاثين) من المستفيدين',
  },
  graduatesTwoCourses: {
    day: '2015-07-23',
    source: 'alriyadh',
    title: 'تخريج دورتين من المستفيدين بمركزي محمد بن نايف للمناصحة بالرياض وجدة',
    lead: 'صرح المتحدث الأمني بوزارة الداخلية بأنه إلحاقاً لما سبق الإعلان عنه بتاريخ 2 / 6 / 1436ه عن تخريج الدورتين (الخامسة والثلاثين) و(العاشرة) من المستفيدين بمركزي محمد بن نايف للمناصحة والرعاية بالرياض وجدة وعددهم (56) مستفيداً، فقد تم بتوفيق الله تعالى تخريج الدورة (السادسة والثلاثين) من المستفيدين بمر',
  },
  reliefFourth: {
    day: '2015-07-31',
    source: '3alyoum',
    title: 'وصول طائرة الإغاثة السعودية الرابعة لعدن',
    lead: 'عين اليوم – الرياض وصلت اليوم الطائرة الإغاثية السعودية الرابعة إلى مطار عدن الدولي محملة بـ 10 أطنان من المستلزمات الطبية لمرضى الفشل الكلوي يرافقها فريق إغاثي من مركز الملك سلمان للإغاثة والأعمال الإنسانية وفريق من منظمة أطباء بلا حدود. وتأتي هذه المساعدات إنفاذا لتوجيهات خادم الحرمين الشريفين الم',
  },
  reliefFourthYaum: {
    day: '2015-08-01',
    source: 'alyaum',
    title: 'وصول طائرة الإغاثة السعودية الرابعة إلى عدن',
    lead: 'وصلت أمس الطائرة الإغاثية السعودية الرابعة إلى مطار عدن الدولي محملة بـ 10 أطنان من المستلزمات الطبية لمرضى الفشل الكلوي، يرافقها فريق إغاثي من مركز الملك سلمان للإغاثة والأعمال الإنسانية وفريق من منظمة أطباء بلا حدود. وتأتي هذه المساعدات إنفاذا لتوجيهات خادم الحرمين الشريفين الملك سلمان بن عبدالعزي',
  },
  vicePresidentPlane: {
    day: '2015-08-01',
    source: 'sabq',
    title: 'طائرة سعودية تقل نائب الرئيس اليمني تهبط بمطار عدن',
    lead: 'سبق- متابعة: وصل، قبل قليل، نائب الرئيس اليمني خالد بحاح إلى مطار عدن، على متن طائرة سعودية، يرافقه عدد من المسؤولين اليمنيين. وكانت قد وصلت، أمس الجمعة، الطائرة الإغاثية السعودية الرابعة إلى مطار عدن الدولي، مُحَمّلة بـ 10 أطنان من المستلزمات الطبية لمرضى الفشل الكلوي، يرافقها فريق إغاثي من مركز ال',
  },
  arrestOrdered: {
    day: '2015-07-21',
    source: 'okaz',
    title: 'أمير مكة يوجه بسرعة القبض على المتحرشين بفتاتين في جدة',
    lead: 'أمر مستشار خادم الحرمين الشريفين أمير منطقة مكة المكرمة صاحب السمو الملكي الأمير خالد الفيصل، بسرعة القبض على الشبان الذين تحرشوا بفتاتين في أحد متنزهات جدة. وأكد سموه على الشرطة بتكثيف الحضور الأمني في الحدائق والأماكن العامة. وكانت فتاتان سعوديتان قد تعرضتا لتحرش جماعي على أيدي مراهقين، أثناء سيره',
  },
  arrestsMadePolice: {
    day: '2015-07-21',
    source: 'sabq',
    title: 'شرطة مكة: ضبط عدد من الأشخاص في واقعة فيديو التحرش بالفتاتين',
    lead: 'محمد حضاض- سبق- جدة: كشف حساب إمارة منطقة مكة على "تويتر"، فجر اليوم، عن القبض على أحد الأشخاص الذين ظهروا في مقطع الفيديو في حادثة التحرش بفتاتين بجدة. وطبقًا لما جاء في الحساب؛ فإن المقبوض عليه اعترف على عدد من الأشخاص الذين كانوا معه.. وفي طور القبض عليهم. وكان المقطع قد أثار الرأي العام، وعلى إث',
  },
  arrestMadeRiyadh: {
    day: '2015-07-22',
    source: 'alriyadh',
    title: 'القبض على أحد المتحرشين بفتاتي جدة',
    lead: 'أطاحت شرطة جدة بأحد الأشخاص الذين ظهروا في مقطع فيديو التحرش بفتاتين في أحد المتنزهات خلال ثاني أيام عيد الفطر. واعترف المقبوض عليه بمعرفته بعدد من الأشخاص الذين كانوا معه، والشرطة الآن في طور القبض عليهم. وأكد العقيد د. عاطي القرشي الناطق الإعلامي بشرطة منطقة مكة المكرمة، أن الجهات الأمنية بشرطة ال',
  },
} as const;

type Item = (typeof news)[keyof typeof news];

function article(item: Item): EventArticle {
  return {
    event: eventKeys(item.title, item.lead),
    terms: storyFeatures(item.title, item.lead).terms,
    day: dayNumber(item.day),
  };
}

function veto(a: Item, b: Item): ReturnType<typeof differentEvents> {
  const x = article(a);
  const y = article(b);
  const forward = differentEvents(x, y);
  // The criterion is symmetric: a merge pass may ask it either way round.
  expect(differentEvents(y, x)).toBe(forward);
  return forward;
}

describe('differentEvents: recurring reports', () => {
  it("keeps one day's weather report of two outlets together", () => {
    expect(veto(news.heatMadina21, news.heatWeeam21)).toBeNull();
  });

  it('splits the same weather words of the next day: another day, another report', () => {
    expect(veto(news.heatMadina21, news.heatEqtisadiya22)).toBe('recurring');
  });
});

describe('differentEvents: the kind of act', () => {
  it("keeps two outlets' reports of a death together", () => {
    expect(veto(news.subaieDeath, news.subaieDeathYaum)).toBeNull();
  });

  it('splits a death from the condolences that followed it', () => {
    expect(veto(news.subaieDeath, news.subaieCondolence)).toBe('kind');
  });

  it("splits the governor's order to arrest from the arrests, and keeps two outlets' arrests together", () => {
    expect(veto(news.arrestOrdered, news.arrestsMadePolice)).toBe('kind');
    expect(veto(news.arrestsMadePolice, news.arrestMadeRiyadh)).toBeNull();
  });

  it('splits the departure from Cairo from the Cairo declaration', () => {
    expect(veto(news.cairoDeparture, news.cairoDeclaration)).toBe('kind');
  });

  it('lets a headline that names no act join either (the thank-you cable after the talks)', () => {
    expect(veto(news.cairoCable, news.cairoDeparture)).toBeNull();
    expect(veto(news.cairoCable, news.cairoDeclaration)).toBeNull();
  });
});

describe('differentEvents: who acts', () => {
  it("folds a leader's titles: الملك and خادم الحرمين الشريفين receiving the US defence secretary are one meeting", () => {
    expect(veto(news.kingCarter, news.kingCarterNextDay)).toBeNull();
  });

  it("splits the King's meeting with Carter from the Deputy Crown Prince's", () => {
    expect(veto(news.kingCarter, news.deputyCrownPrinceCarter)).toBe('actor');
  });

  it("splits two countries' condemnations of one attack (reactions are a thread, not a story)", () => {
    expect(veto(news.kuwaitCondemns, news.bahrainCondemns)).toBe('actor');
  });

  it('splits two quoted speakers unless each lead names the other: the Mufti / the council he heads', () => {
    expect(veto(news.muftiSpeaker, news.councilSpeaker)).toBe('actor');
    expect(veto(news.muftiSpeaker, news.muftiSpeakerNextDay)).toBeNull();
  });

  it('keeps one ministry under two names together ("الداخلية السعودية" / "وزارة الداخلية")', () => {
    expect(veto(news.interiorSaudi, news.interiorMinistry)).toBeNull();
  });

  it('keeps one speaker named by his name and by his office together', () => {
    expect(veto(news.zayaniColon, news.zayaniCondemns)).toBeNull();
  });
});

describe('differentEvents: the other party', () => {
  it("keeps one meeting under the Deputy Crown Prince's title and under his name together", () => {
    expect(veto(news.chechenEqtisadiya, news.chechenWeeam)).toBeNull();
  });

  it('splits two meetings of one day with two visitors', () => {
    expect(veto(news.geagea, news.chechenEqtisadiya)).toBe('counterpart');
  });

  it('splits the executions of two smugglers of one day', () => {
    expect(veto(news.thadiqExecution, news.syrianExecution)).toBe('counterpart');
  });

  it('keeps one execution told in other words together', () => {
    expect(veto(news.thadiqExecution, news.thadiqPakistani)).toBeNull();
  });
});

describe('differentEvents: numbers in one headline only', () => {
  it("splits an arrival headlined without the series' ordinal from the fourth relief plane", () => {
    expect(veto(news.reliefFourth, news.reliefFourthYaum)).toBeNull();
    expect(veto(news.reliefFourth, news.vicePresidentPlane)).toBe('entities');
  });

  it('splits a headline dating the event from a report that gives that day nowhere', () => {
    expect(veto(news.fifaDate, news.platiniWeighsRun)).toBe('entities');
    expect(veto(news.fifaDate, news.fifaDateUndated)).toBeNull();
  });

  it('lets a count in one headline only split nothing ("تخريج 63 مستفيدا" / "تخريج دورتين")', () => {
    expect(veto(news.graduates63, news.graduatesTwoCourses)).toBeNull();
  });
});

describe('event keys', () => {
  it('survive packing, frame included', () => {
    const e = eventKeys(news.geagea.title, news.geagea.lead);
    const back = unpackEventKeys(packEventKeys(e));
    expect(back.royal).toBe(e.royal);
    expect(back.kind).toBe(e.kind);
    expect(Array.from(back.counterpart)).toEqual(Array.from(e.counterpart));
    expect(Array.from(back.actor)).toEqual(Array.from(e.actor));
    expect(Array.from(back.title)).toEqual(Array.from(e.title));
  });

  it('keep the ordinal and the dated days through packing', () => {
    const relief = eventKeys(news.reliefFourth.title, news.reliefFourth.lead);
    const dated = eventKeys(news.fifaDate.title, news.fifaDate.lead);
    expect(relief.ordinal).toBe(true);
    expect(unpackEventKeys(packEventKeys(relief)).ordinal).toBe(true);
    expect(dated.days.length).toBe(1);
    expect(Array.from(unpackEventKeys(packEventKeys(dated)).days)).toEqual(Array.from(dated.days));
  });
});

describe('placement checks every member of a story', () => {
  // Hand-made term vectors: the cable is like both the departure and the declaration, the
  // declaration only faintly like the departure (below the thread threshold), so no similar member
  // of the story would veto it; the departure, a member all the same, does.
  it('does not let the Cairo declaration into the story of the departure through the cable', async () => {
    const terms = [
      [1, 2, 3],
      [1, 2, 3, 4, 5, 6],
      [3, 4, 5, 6],
    ];
    const items = [news.cairoDeparture, news.cairoCable, news.cairoDeclaration];
    const df = new DocFrequencies();
    const docs: StoryDoc[] = items.map((item, i) => {
      const features = { terms: Uint32Array.from(terms[i]!), counts: new Uint16Array(terms[i]!.length).fill(1) };
      df.add(features);
      return { id: i + 1, day: dayNumber(item.day), features, event: eventKeys(item.title, item.lead) };
    });
    // Filler articles so that the six terms are not too common to count.
    for (let k = 0; k < 40; k++) df.add({ terms: Uint32Array.of(100 + k), counts: Uint16Array.of(1) });
    const result = await clusterStories([], docs, df);
    const story = new Map(result.placements.map((p) => [p.id, p.cluster]));
    expect(story.get(2)).toBe(story.get(1));
    expect(story.get(3)).not.toBe(story.get(1));
  });
});
