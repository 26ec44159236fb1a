/**
 * The words every staff page the platform serves shares (the dashboard, the fleet page): the
 * language switch, signing in and out, and the errors any staff request can meet. Simplified
 * Chinese first, English second; a page spreads these into its own table and adds its words.
 */
export const STAFF_PAGE_STRINGS = {
  'zh-CN': {
    language: 'English',
    signInTitle: '登录',
    username: '用户名',
    password: '密码',
    signIn: '登录',
    signOut: '退出登录',
    'error.invalid-request': '填写的内容不正确，请检查后重试。',
    'error.unauthenticated': '请重新登录。',
    'error.account-locked': '账号已锁定，请稍后再试。',
    'error.rate-limited': '操作太频繁，请稍后再试。',
    'error.network': '连不上平台，请检查网络。',
    'error.other': '出现问题，请稍后再试。',
  },
  en: {
    language: '中文',
    signInTitle: 'Sign in',
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    signOut: 'Sign out',
    'error.invalid-request': 'Something entered is not right; check it and try again.',
    'error.unauthenticated': 'Please sign in again.',
    'error.account-locked': 'The account is locked; try again later.',
    'error.rate-limited': 'Too many requests; try again shortly.',
    'error.network': 'Cannot reach the platform; check the network.',
    'error.other': 'Something went wrong; try again later.',
  },
} as const satisfies Record<'zh-CN' | 'en', Record<string, string>>;
