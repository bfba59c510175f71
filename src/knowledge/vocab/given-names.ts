// General vocabulary of given-name equivalents: English nicknames and the Ukrainian forms of Russian
// given names, folded onto one form so that one person's spellings meet. Not a list of people.

/** Common English nickname pairs, folded onto one form. */
export const NICKNAMES: Record<string, string> = {
  steve: 'steven',
  stephen: 'steven',
  mike: 'michael',
  mick: 'michael',
  bill: 'william',
  will: 'william',
  billy: 'william',
  bob: 'robert',
  rob: 'robert',
  bobby: 'robert',
  jim: 'james',
  jimmy: 'james',
  joe: 'joseph',
  tom: 'thomas',
  tommy: 'thomas',
  dan: 'daniel',
  danny: 'daniel',
  dave: 'david',
  alex: 'alexander',
  aleksandr: 'alexander',
  alexandr: 'alexander',
  tony: 'anthony',
  nick: 'nicholas',
  chris: 'christopher',
  ben: 'benjamin',
  sam: 'samuel',
  kate: 'katherine',
  catherine: 'katherine',
  liz: 'elizabeth',
  andy: 'andrew',
  matt: 'matthew',
  pete: 'peter',
  ed: 'edward',
  ted: 'edward',
  jon: 'jonathan',
  nate: 'nathan',
  pat: 'patrick',
  rick: 'richard',
  dick: 'richard',
  rich: 'richard',
  greg: 'gregory',
  jeff: 'jeffrey',
  geoff: 'jeffrey',
  ken: 'kenneth',
  larry: 'lawrence',
  ron: 'ronald',
  don: 'donald',
  fred: 'frederick',
  jerry: 'gerald',
  jack: 'john',
  johnny: 'john',
  sue: 'susan',
  jen: 'jennifer',
  jenny: 'jennifer',
  vicky: 'victoria',
};

/** Ukrainian (and Belarusian) forms of Russian given names, folded onto the Russian form. */
export const EAST_SLAVIC_GIVEN_NAMES: Record<string, string> = {
  volodymyr: 'vladimir',
  oleksandr: 'alexander',
  oleksandra: 'alexandra',
  serhiy: 'sergei',
  serhii: 'sergei',
  sergiy: 'sergei',
  sergii: 'sergei',
  mykola: 'nikolai',
  mykhailo: 'mikhail',
  mykhaylo: 'mikhail',
  andriy: 'andrei',
  andrii: 'andrei',
  andrey: 'andrei',
  oleksiy: 'alexei',
  oleksii: 'alexei',
  aleksei: 'alexei',
  alexey: 'alexei',
  dmytro: 'dmitri',
  dmitry: 'dmitri',
  dmitriy: 'dmitri',
  ihor: 'igor',
  oleh: 'oleg',
  petro: 'pyotr',
  pavlo: 'pavel',
  hennadiy: 'gennady',
  hennadii: 'gennady',
  vasyl: 'vasily',
  kyrylo: 'kirill',
  denys: 'denis',
  maksym: 'maxim',
  yevhen: 'yevgeny',
  yevgeniy: 'yevgeny',
  evgeny: 'yevgeny',
  hryhoriy: 'grigory',
  anatoliy: 'anatoly',
  vitaliy: 'vitaly',
  valeriy: 'valery',
  heorhiy: 'georgy',
  olena: 'elena',
  yelena: 'elena',
  iryna: 'irina',
  tetiana: 'tatiana',
  tetyana: 'tatiana',
  nataliya: 'natalia',
  yuliya: 'yulia',
  yuliia: 'yulia',
};

/**
 * Family names that come first in East Asian names written in their own order ("Kim Jong Un",
 * "Lee Jae-myung", "Xi Jinping"): general vocabulary of the commonest Korean, Chinese and Vietnamese
 * family names.
 */
export const EAST_ASIAN_FAMILY_NAMES = new Set(
  `kim lee yi park pak choi choe jung jeong chung kang cho jo yoon yun jang chang lim im han oh seo shin
  kwon hwang ahn song jeon hong ko moon mun yang son bae baek ryu yu nam roh noh ban
  xi li wang zhang liu chen zhao huang zhou wu xu sun hu zhu guo he lin luo gao zheng liang xie tang
  han feng deng cao peng zeng xiao tian dong pan yuan cai jiang wei qin
  nguyen tran le pham hoang phan vu vo dang bui do ho ngo duong ly`
    .split(/\s+/)
    .filter(Boolean),
);

/** Chinese family names that, before a single given name ("Xi Jinping", "Wang Yi"), start the name. */
export const CHINESE_FAMILY_NAMES = new Set(
  'xi wang zhang liu zhao zhou xu zhu guo qin cai deng feng xie zheng'.split(' '),
);
