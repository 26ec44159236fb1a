/**
 * The newborn's answers as a father at the kiosk gives them (出生医学证明 of 测试小宝, hukou with
 * the father), for the newborn services and the 一件事 that bundles them; `otherParent` is the
 * mother's ID number, whose licences the library may hold.
 */
export function newbornAnswers(otherParent: string) {
  return {
    phone: '13900139000',
    relationToBaby: 'father',
    babyName: '测试小宝',
    babySex: 'female',
    babyBirthDate: '2026-11-20',
    birthCertificateNumber: 'Q440123456',
    hukouWith: 'father',
    otherParentIdNumber: otherParent,
  };
}
