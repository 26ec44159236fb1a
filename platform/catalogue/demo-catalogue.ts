import type { z } from 'zod';
import { expandBundles } from '../../contract/platform/bundles';
import { Catalogue } from '../../contract/platform/catalogue';

/**
 * Demo content for training and the demo site: services a community centre (社区党群服务中心 /
 * 社区事务受理中心) commonly handles, with plausible forms and materials. It is not any real
 * district's catalogue; the departments are generic and no legal article numbers are given.
 */
type FieldInput = z.input<typeof Catalogue>['items'][number]['form']['fields'][number];
type MaterialInput = z.input<typeof Catalogue>['items'][number]['materials'][number];

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

const applicantFields: FieldInput[] = [
  { name: 'name', label: t('姓名', 'Name'), type: 'personName', required: true, prefill: 'name', maxLength: 30 },
  { name: 'idNumber', label: t('公民身份号码', 'ID number'), type: 'idNumber', required: true, prefill: 'idNumber' },
];

const phoneField: FieldInput = {
  name: 'phone',
  label: t('联系电话', 'Phone'),
  type: 'phone',
  required: true,
  help: t('办理进度将以短信告知', 'Progress is sent to this number by SMS'),
};

const idCardMaterial: MaterialInput = {
  code: 'id-card',
  name: t('居民身份证', 'Resident ID card'),
  required: true,
  electronicLicence: 'resident-id-card',
  scan: false,
};

const householdRegisterMaterial: MaterialInput = {
  code: 'household-register',
  name: t('居民户口簿', 'Household register'),
  required: true,
  electronicLicence: 'household-register',
};

const agentFields: FieldInput[] = [
  {
    name: 'applicantType',
    label: t('申请方式', 'Who applies'),
    type: 'choice',
    required: true,
    options: [
      { value: 'self', label: t('本人申请', 'The person themself') },
      { value: 'agent', label: t('家属或他人代办', 'A relative or agent') },
    ],
  },
  {
    name: 'agentName',
    label: t('代办人姓名', 'Agent name'),
    type: 'personName',
    required: true,
    // Read from the agent's own card at the kiosk (读取代办人身份证); typed where no card is read.
    fromAgentCard: 'name',
    maxLength: 30,
    showIf: { field: 'applicantType', equals: 'agent' },
  },
  {
    name: 'agentIdNumber',
    label: t('代办人身份号码', 'Agent ID number'),
    type: 'idNumber',
    required: true,
    fromAgentCard: 'idNumber',
    showIf: { field: 'applicantType', equals: 'agent' },
  },
  {
    name: 'agentRelation',
    label: t('与申请人关系', 'Relation to the applicant'),
    type: 'choice',
    required: true,
    showIf: { field: 'applicantType', equals: 'agent' },
    options: [
      { value: 'spouse', label: t('配偶', 'Spouse') },
      { value: 'child', label: t('子女', 'Child') },
      { value: 'other-relative', label: t('其他亲属', 'Other relative') },
      { value: 'other', label: t('其他', 'Other') },
    ],
  },
];

const agentIdMaterial: MaterialInput = {
  code: 'agent-id-card',
  name: t('代办人居民身份证（代办时提供）', "Agent's ID card (when an agent applies)"),
  required: false,
  electronicLicence: 'resident-id-card',
  holder: 'agent',
};

export const raw: z.input<typeof Catalogue> = {
  version: '2026.11-demo.1',
  demo: true,
  categories: [
    { code: 'social-insurance', name: t('社会保险', 'Social insurance'), queuePrefix: 'A' },
    { code: 'medical-insurance', name: t('医疗保障', 'Medical insurance'), queuePrefix: 'B' },
    { code: 'residence', name: t('户籍与居住', 'Residence'), queuePrefix: 'C' },
    { code: 'employment', name: t('就业创业', 'Employment'), queuePrefix: 'D' },
    { code: 'civil-affairs', name: t('养老助残', 'Elderly and disability'), queuePrefix: 'E' },
    { code: 'one-thing', name: t('一件事', 'One-thing bundles'), queuePrefix: 'F' },
  ],
  items: [
    {
      code: 'si-contribution-certificate',
      name: t('社会保险个人参保缴费证明', 'Social-insurance contribution certificate'),
      category: 'social-insurance',
      department: t('区社会保险事业管理中心', 'District social insurance agency'),
      decidedBy: 'social-insurance',
      kind: 'certificate',
      summary: t(
        '打印本人在本市的社会保险参保缴费记录，用于购房、子女入学、落户等。',
        'Prints your social-insurance contribution record, e.g. for buying a home, school enrolment or hukou transfer.',
      ),
      legalBasis: [t('《中华人民共和国社会保险法》', 'Social Insurance Law of the PRC')],
      materials: [idCardMaterial],
      form: {
        fields: [
          ...applicantFields,
          {
            name: 'insuranceType',
            label: t('险种', 'Insurance'),
            type: 'choice',
            required: true,
            options: [
              { value: 'all', label: t('全部险种', 'All') },
              { value: 'pension', label: t('职工基本养老保险', 'Basic pension') },
              { value: 'medical', label: t('职工基本医疗保险', 'Basic medical') },
              { value: 'unemployment', label: t('失业保险', 'Unemployment') },
              { value: 'injury', label: t('工伤保险', 'Work injury') },
            ],
          },
          { name: 'fromMonth', label: t('起始年月', 'From (month)'), type: 'date', required: true },
          { name: 'toMonth', label: t('截止年月', 'To (month)'), type: 'date', required: true },
          {
            name: 'purpose',
            label: t('用途', 'Purpose'),
            type: 'choice',
            required: true,
            options: [
              { value: 'housing', label: t('购房', 'Buying a home') },
              { value: 'school', label: t('子女入学', 'School enrolment') },
              { value: 'hukou', label: t('落户', 'Hukou transfer') },
              { value: 'other', label: t('其他', 'Other') },
            ],
          },
          {
            name: 'purposeOther',
            label: t('请说明用途', 'Please describe the purpose'),
            type: 'text',
            required: true,
            maxLength: 50,
            showIf: { field: 'purpose', equals: 'other' },
          },
        ],
      },
      timeLimitDays: 0,
      feeCents: 0,
      resultDelivery: t('自助终端当场打印，加盖电子印章', 'Printed on the spot with an electronic seal'),
      counterVisit: 'none',
      popularity: 980,
    },
    {
      code: 'resident-medical-enrolment',
      name: t('城乡居民基本医疗保险参保登记', 'Resident basic medical insurance enrolment'),
      category: 'medical-insurance',
      department: t('区医疗保障局', 'District healthcare security bureau'),
      decidedBy: 'medical-insurance',
      kind: 'application',
      summary: t(
        '未参加职工医保的本市户籍居民、持居住证人员及在校学生办理居民医保参保。',
        'Enrols residents without employee medical insurance, residence-permit holders and students.',
      ),
      legalBasis: [t('《中华人民共和国社会保险法》', 'Social Insurance Law of the PRC')],
      materials: [
        idCardMaterial,
        {
          code: 'residence-permit',
          name: t('居住证（非本市户籍时提供）', 'Residence permit (non-local hukou)'),
          required: false,
          electronicLicence: 'residence-permit',
        },
        {
          code: 'disability-certificate',
          name: t('残疾人证（享受资助时提供）', 'Disability certificate (for subsidised contribution)'),
          required: false,
          electronicLicence: 'disability-certificate',
        },
      ],
      form: {
        fields: [
          ...applicantFields,
          { name: 'sex', label: t('性别', 'Sex'), type: 'text', required: true, prefill: 'sex' },
          { name: 'birthDate', label: t('出生日期', 'Date of birth'), type: 'date', required: true, prefill: 'birthDate' },
          phoneField,
          {
            name: 'residency',
            label: t('参保身份', 'Basis of enrolment'),
            type: 'choice',
            required: true,
            options: [
              { value: 'local', label: t('本市户籍居民', 'Local hukou') },
              { value: 'permit', label: t('持本市居住证', 'Residence-permit holder') },
              { value: 'student', label: t('在校学生', 'Student') },
            ],
          },
          {
            name: 'residencePermitNumber',
            label: t('居住证号码', 'Residence permit number'),
            type: 'text',
            required: true,
            maxLength: 30,
            showIf: { field: 'residency', equals: 'permit' },
          },
          {
            name: 'schoolName',
            label: t('就读学校', 'School'),
            type: 'text',
            required: true,
            maxLength: 60,
            showIf: { field: 'residency', equals: 'student' },
          },
          { name: 'hasDisability', label: t('持有残疾人证', 'Holds a disability certificate'), type: 'checkbox' },
          {
            name: 'disabilityCertificateNumber',
            label: t('残疾人证号', 'Disability certificate number'),
            type: 'text',
            required: true,
            maxLength: 30,
            showIf: { field: 'hasDisability', equals: true },
          },
          { name: 'address', label: t('居住地址', 'Home address'), type: 'address', required: true, prefill: 'address' },
        ],
      },
      timeLimitDays: 1,
      feeCents: 0,
      resultDelivery: t('参保结果短信告知，缴费通过税务渠道办理', 'Result by SMS; contributions are paid through the tax channels'),
      counterVisit: 'maybe',
      popularity: 640,
    },
    {
      code: 'residence-permit-endorsement',
      name: t('居住证签注', 'Residence permit endorsement'),
      category: 'residence',
      department: t('区公安分局（派出所）', 'District public security bureau (police station)'),
      decidedBy: 'household',
      kind: 'application',
      summary: t(
        '居住证每年签注一次，签注后居住证继续有效。',
        'A residence permit is endorsed once a year to stay valid.',
      ),
      legalBasis: [t('《居住证暂行条例》', 'Interim Regulations on Residence Permits')],
      materials: [
        idCardMaterial,
        // Photographed or scanned here: its code is the paper OCR reads into the form (居住地址, 居住证编号).
        {
          code: 'residence-permit',
          name: t('居住证（正面）', 'Residence permit (front)'),
          required: true,
        },
        {
          code: 'tenancy-contract',
          name: t('房屋租赁合同或不动产权证书', 'Tenancy contract or real-estate title'),
          required: true,
          electronicLicence: 'real-estate-title',
        },
        {
          code: 'labour-contract',
          name: t('劳动合同或营业执照（有就业时提供）', 'Labour contract or business licence (if employed)'),
          required: false,
          electronicLicence: 'business-licence',
        },
      ],
      form: {
        fields: [
          ...applicantFields,
          phoneField,
          {
            name: 'residencePermitNumber',
            label: t('居住证号码', 'Residence permit number'),
            type: 'text',
            required: true,
            maxLength: 30,
          },
          { name: 'currentAddress', label: t('现居住地址', 'Current address'), type: 'address', required: true },
          {
            name: 'housing',
            label: t('住所类型', 'Housing'),
            type: 'choice',
            required: true,
            options: [
              { value: 'rented', label: t('租赁房屋', 'Rented') },
              { value: 'owned', label: t('自有房屋', 'Owned') },
              { value: 'dormitory', label: t('单位宿舍', 'Employer dormitory') },
              { value: 'relatives', label: t('借住亲友家', 'With relatives or friends') },
            ],
          },
          {
            name: 'tenancyRegistrationNumber',
            label: t('租赁登记备案号', 'Tenancy registration number'),
            type: 'text',
            required: false,
            maxLength: 40,
            showIf: { field: 'housing', equals: 'rented' },
          },
          { name: 'employer', label: t('工作单位', 'Employer'), type: 'text', maxLength: 60 },
        ],
      },
      timeLimitDays: 0,
      feeCents: 0,
      resultDelivery: t('窗口当场签注', 'Endorsed at the counter on the spot'),
      counterVisit: 'required',
      popularity: 520,
    },
    {
      code: 'flexible-employment-registration',
      name: t('灵活就业人员就业登记', 'Flexible-employment registration'),
      category: 'employment',
      department: t('区就业促进中心', 'District employment service centre'),
      decidedBy: 'employment',
      kind: 'application',
      summary: t(
        '个体经营、非全日制、新就业形态等灵活就业人员办理就业登记，可按规定享受社会保险补贴。',
        'Registers self-employed, part-time and platform workers; may qualify for social-insurance subsidies.',
      ),
      legalBasis: [
        t('《中华人民共和国就业促进法》', 'Employment Promotion Law of the PRC'),
        t('《就业服务与就业管理规定》', 'Provisions on Employment Services and Employment Management'),
      ],
      materials: [
        idCardMaterial,
        {
          code: 'business-licence',
          name: t('营业执照（个体经营时提供）', 'Business licence (if self-employed)'),
          required: false,
          electronicLicence: 'business-licence',
        },
      ],
      form: {
        fields: [
          ...applicantFields,
          phoneField,
          {
            name: 'education',
            label: t('文化程度', 'Education'),
            type: 'choice',
            required: true,
            options: [
              { value: 'primary', label: t('小学及以下', 'Primary or less') },
              { value: 'secondary', label: t('初中', 'Junior secondary') },
              { value: 'high', label: t('高中/中专', 'Senior secondary') },
              { value: 'college', label: t('大专', 'College') },
              { value: 'bachelor', label: t('本科及以上', 'Bachelor or above') },
            ],
          },
          {
            name: 'employmentForm',
            label: t('就业形式', 'Form of employment'),
            type: 'choice',
            required: true,
            options: [
              { value: 'self-employed', label: t('个体经营', 'Self-employed') },
              { value: 'part-time', label: t('非全日制就业', 'Part-time') },
              { value: 'platform', label: t('新就业形态（平台就业）', 'Platform work') },
              { value: 'other', label: t('其他灵活就业', 'Other') },
            ],
          },
          {
            name: 'businessLicenceNumber',
            label: t('统一社会信用代码', 'Unified social credit code'),
            type: 'text',
            required: true,
            minLength: 18,
            maxLength: 18,
            showIf: { field: 'employmentForm', equals: 'self-employed' },
          },
          {
            name: 'platformName',
            label: t('所在平台', 'Platform'),
            type: 'text',
            required: true,
            maxLength: 40,
            showIf: { field: 'employmentForm', equals: 'platform' },
          },
          { name: 'startDate', label: t('开始就业日期', 'Start date'), type: 'date', required: true },
          { name: 'address', label: t('经常居住地', 'Usual residence'), type: 'address', required: true, prefill: 'address' },
          {
            name: 'wantsSubsidy',
            label: t('同时申请灵活就业社会保险补贴', 'Also apply for the social-insurance subsidy'),
            type: 'checkbox',
          },
        ],
      },
      timeLimitDays: 5,
      feeCents: 0,
      resultDelivery: t('登记结果短信告知', 'Result by SMS'),
      counterVisit: 'none',
      popularity: 310,
    },
    {
      code: 'elderly-longevity-allowance',
      name: t('高龄老人津贴申领', 'Longevity allowance for the very elderly'),
      category: 'civil-affairs',
      department: t('区民政局', 'District civil affairs bureau'),
      decidedBy: 'civil-affairs',
      kind: 'application',
      eligibility: { minAge: 80 },
      summary: t(
        '年满八十周岁的本市户籍老人按月领取高龄津贴，可由家属代办。',
        'Local residents aged 80 or more receive a monthly allowance; relatives may apply for them.',
      ),
      legalBasis: [t('《中华人民共和国老年人权益保障法》', 'Law on the Protection of the Rights and Interests of the Elderly')],
      materials: [
        idCardMaterial,
        householdRegisterMaterial,
        { code: 'bank-card', name: t('本人银行卡或存折', "The applicant's bank card or passbook"), required: true },
        {
          code: 'social-security-card',
          name: t('社会保障卡（津贴可发放至社保卡）', 'Social security card (the allowance can be paid to it)'),
          required: false,
          electronicLicence: 'social-security-card',
          scan: false,
        },
        agentIdMaterial,
      ],
      form: {
        fields: [
          ...applicantFields,
          { name: 'birthDate', label: t('出生日期', 'Date of birth'), type: 'date', required: true, prefill: 'birthDate' },
          { name: 'address', label: t('户籍地址', 'Registered address'), type: 'address', required: true, prefill: 'address' },
          phoneField,
          ...agentFields,
          {
            name: 'bank',
            label: t('发放银行', 'Bank'),
            type: 'choice',
            required: true,
            options: [
              { value: 'icbc', label: t('中国工商银行', 'ICBC') },
              { value: 'abc', label: t('中国农业银行', 'Agricultural Bank of China') },
              { value: 'boc', label: t('中国银行', 'Bank of China') },
              { value: 'ccb', label: t('中国建设银行', 'China Construction Bank') },
              { value: 'psbc', label: t('中国邮政储蓄银行', 'Postal Savings Bank of China') },
            ],
          },
          {
            name: 'bankAccount',
            label: t('银行账号', 'Bank account number'),
            type: 'digits',
            required: true,
            minLength: 12,
            maxLength: 23,
          },
          {
            name: 'declaration',
            label: t('本人承诺所填信息真实', 'I declare the information is true'),
            type: 'confirm',
            required: true,
          },
        ],
      },
      timeLimitDays: 20,
      // 效能: a 20-working-day promise warns in its last 3 working days (the default is 1).
      timeliness: { warningWorkingDays: 3 },
      feeCents: 0,
      resultDelivery: t('审核通过后按月发放至银行账户，结果短信告知', 'Paid monthly to the bank account once approved; result by SMS'),
      counterVisit: 'maybe',
      popularity: 450,
    },
    {
      code: 'disability-two-subsidies',
      name: t('困难残疾人生活补贴和重度残疾人护理补贴申请', 'Disability living and care subsidies'),
      category: 'civil-affairs',
      department: t('区民政局、区残疾人联合会', 'District civil affairs bureau and disabled persons’ federation'),
      decidedBy: 'civil-affairs',
      kind: 'application',
      summary: t(
        '低保家庭等困难残疾人申请生活补贴，一级、二级重度残疾人申请护理补贴（残疾人两项补贴）。',
        'Living subsidy for disabled people in hardship and care subsidy for grade 1–2 disabilities.',
      ),
      legalBasis: [t('《中华人民共和国残疾人保障法》', 'Law on the Protection of Persons with Disabilities')],
      materials: [
        idCardMaterial,
        householdRegisterMaterial,
        {
          code: 'disability-certificate',
          name: t('第二代残疾人证', 'Disability certificate (second generation)'),
          required: true,
          electronicLicence: 'disability-certificate',
        },
        { code: 'bank-card', name: t('本人银行卡或存折', "The applicant's bank card or passbook"), required: true },
        agentIdMaterial,
      ],
      form: {
        fields: [
          ...applicantFields,
          phoneField,
          { name: 'disabilityCertificateNumber', label: t('残疾人证号', 'Disability certificate number'), type: 'text', required: true, maxLength: 30 },
          {
            name: 'disabilityGrade',
            label: t('残疾等级', 'Disability grade'),
            type: 'choice',
            required: true,
            options: [
              { value: '1', label: t('一级', 'Grade 1') },
              { value: '2', label: t('二级', 'Grade 2') },
              { value: '3', label: t('三级', 'Grade 3') },
              { value: '4', label: t('四级', 'Grade 4') },
            ],
          },
          {
            name: 'subsidy',
            label: t('申请补贴', 'Subsidy applied for'),
            type: 'choice',
            required: true,
            options: [
              { value: 'living', label: t('困难残疾人生活补贴', 'Living subsidy') },
              { value: 'care', label: t('重度残疾人护理补贴', 'Care subsidy') },
              { value: 'both', label: t('两项补贴', 'Both') },
            ],
          },
          { name: 'receivesMinimumLiving', label: t('享受最低生活保障', 'Receives minimum living allowance (低保)'), type: 'checkbox' },
          {
            name: 'minimumLivingCertificateNumber',
            label: t('低保证号', 'Minimum living allowance certificate number'),
            type: 'text',
            required: true,
            maxLength: 30,
            showIf: { field: 'receivesMinimumLiving', equals: true },
          },
          ...agentFields,
          { name: 'bankAccount', label: t('银行账号', 'Bank account number'), type: 'digits', required: true, minLength: 12, maxLength: 23 },
        ],
      },
      timeLimitDays: 20,
      // 效能: a 20-working-day promise warns in its last 3 working days (the default is 1).
      timeliness: { warningWorkingDays: 3 },
      feeCents: 0,
      resultDelivery: t('审核通过后按月发放，结果短信告知', 'Paid monthly once approved; result by SMS'),
      counterVisit: 'maybe',
      popularity: 180,
    },
    {
      code: 'social-security-card-application',
      name: t('社会保障卡申领', 'Social security card application'),
      category: 'social-insurance',
      department: t('区社会保险事业管理中心', 'District social insurance agency'),
      decidedBy: 'social-insurance',
      kind: 'application',
      summary: t(
        '首次申领社会保障卡，或补领、换领损坏和遗失的卡。',
        'First issue of a social security card, or replacing a damaged or lost one.',
      ),
      legalBasis: [t('《中华人民共和国社会保险法》', 'Social Insurance Law of the PRC')],
      materials: [
        idCardMaterial,
        {
          code: 'photo',
          name: t('近期免冠证件照（可现场拍摄）', 'Recent ID photo (can be taken on site)'),
          required: true,
        },
      ],
      form: {
        fields: [
          ...applicantFields,
          phoneField,
          {
            name: 'reason',
            label: t('申领原因', 'Reason'),
            type: 'choice',
            required: true,
            options: [
              { value: 'first', label: t('首次申领', 'First issue') },
              { value: 'lost', label: t('遗失补领', 'Lost') },
              { value: 'damaged', label: t('损坏换领', 'Damaged') },
            ],
          },
          {
            name: 'bank',
            label: t('合作银行', 'Partner bank'),
            type: 'choice',
            required: true,
            options: [
              { value: 'icbc', label: t('中国工商银行', 'ICBC') },
              { value: 'ccb', label: t('中国建设银行', 'China Construction Bank') },
              { value: 'boc', label: t('中国银行', 'Bank of China') },
            ],
          },
          {
            name: 'delivery',
            label: t('领卡方式', 'How to collect'),
            type: 'choice',
            required: true,
            options: [
              { value: 'centre', label: t('到本中心领取', 'Collect at this centre') },
              { value: 'post', label: t('邮寄到家', 'By post') },
            ],
          },
          {
            name: 'postalAddress',
            label: t('邮寄地址', 'Postal address'),
            type: 'address',
            required: true,
            showIf: { field: 'delivery', equals: 'post' },
          },
        ],
      },
      timeLimitDays: 10,
      feeCents: 0,
      resultDelivery: t('制卡完成后短信通知领取或邮寄', 'SMS when the card is ready; collect or receive by post'),
      counterVisit: 'none',
      resultLicence: 'social-security-card',
      popularity: 560,
    },
    {
      code: 'newborn-hukou-registration',
      name: t('新生儿户口登记', 'Newborn hukou registration'),
      category: 'residence',
      department: t('区公安分局（派出所）', 'District public security bureau (police station)'),
      decidedBy: 'household',
      kind: 'application',
      summary: t('为新生儿申报出生登记户口，随父或随母落户。', "Registers a newborn's hukou with the father or the mother."),
      legalBasis: [t('《中华人民共和国户口登记条例》', 'Regulations on Household Registration of the PRC')],
      materials: [
        idCardMaterial,
        {
          code: 'birth-medical-certificate',
          name: t('出生医学证明', 'Medical birth certificate'),
          required: true,
          electronicLicence: 'birth-medical-certificate',
        },
        householdRegisterMaterial,
        {
          code: 'marriage-certificate',
          name: t('父母结婚证', "Parents' marriage certificate"),
          required: false,
          electronicLicence: 'marriage-certificate',
        },
      ],
      form: {
        fields: [
          ...applicantFields,
          phoneField,
          {
            name: 'relationToBaby',
            label: t('申请人与新生儿关系', 'Relation to the baby'),
            type: 'choice',
            required: true,
            options: [
              { value: 'mother', label: t('母亲', 'Mother') },
              { value: 'father', label: t('父亲', 'Father') },
            ],
          },
          { name: 'babyName', label: t('新生儿姓名', "Baby's name"), type: 'personName', required: true, maxLength: 30 },
          {
            name: 'babySex',
            label: t('新生儿性别', "Baby's sex"),
            type: 'choice',
            required: true,
            options: [
              { value: 'male', label: t('男', 'Male') },
              { value: 'female', label: t('女', 'Female') },
            ],
          },
          { name: 'babyBirthDate', label: t('出生日期', 'Date of birth'), type: 'date', required: true },
          {
            name: 'birthCertificateNumber',
            label: t('出生医学证明编号', 'Medical birth certificate number'),
            type: 'text',
            required: true,
            minLength: 10,
            maxLength: 12,
          },
          {
            name: 'hukouWith',
            label: t('随父或随母落户', 'Register the hukou with'),
            type: 'choice',
            required: true,
            options: [
              { value: 'mother', label: t('随母亲', 'Mother') },
              { value: 'father', label: t('随父亲', 'Father') },
            ],
          },
          {
            name: 'otherParentIdNumber',
            label: t('另一方父母身份号码', "Other parent's ID number"),
            type: 'idNumber',
            required: true,
          },
        ],
      },
      timeLimitDays: 5,
      feeCents: 0,
      resultDelivery: t('户口簿到窗口领取', 'Household register collected at the window'),
      counterVisit: 'required',
      popularity: 120,
    },
    {
      code: 'newborn-one-thing',
      name: t('新生儿出生“一件事”', 'Newborn "one thing" bundle'),
      category: 'one-thing',
      department: t('区卫生健康局牵头，公安、医保、人社协同', 'Led by the district health bureau with police, healthcare security and HR'),
      kind: 'bundle',
      bundleOf: ['newborn-hukou-registration', 'resident-medical-enrolment', 'social-security-card-application'],
      summary: t(
        '一次提交，办理新生儿户口登记、城乡居民医保参保和社会保障卡申领。',
        "One application for the baby's hukou registration, resident medical insurance and social security card.",
      ),
      legalBasis: [t('《中华人民共和国户口登记条例》', 'Regulations on Household Registration of the PRC')],
      // The items' materials and form fields are added by union when the catalogue is installed
      // (contract/platform/bundles.ts); only what belongs to the bundle itself is written here.
      materials: [],
      form: {
        fields: [
          {
            name: 'collectMode',
            label: t('领取方式', 'How to collect the results'),
            type: 'choice',
            required: true,
            options: [
              { value: 'together', label: t('全部办好后一并领取', 'All together when everything is ready') },
              { value: 'each', label: t('办好一项领取一项', 'Each as soon as it is ready') },
            ],
          },
        ],
      },
      timeLimitDays: 10,
      feeCents: 0,
      resultDelivery: t('户口簿、医保参保结果和社保卡办结后一并领取或分别领取', 'Household register, enrolment result and card collected together or each when ready'),
      counterVisit: 'required',
      popularity: 240,
    },
  ],
};

/** Bundles come expanded to the union of their items (as the platform serves them), so offline copies match. */
export const demoCatalogue: Catalogue = expandBundles(Catalogue.parse(raw));
