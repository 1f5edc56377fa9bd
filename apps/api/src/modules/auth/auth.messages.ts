/** Messages for the codes of the auth module's password rules and forced password change, Vietnamese first. */
import type { MessageCatalog } from '../../lib/messages.ts';

export const authMessages: MessageCatalog = {
  vi: {
    'password.too_weak':
      'Mật khẩu quá dễ đoán. {@reason} Hãy dùng một cụm nhiều từ không liên quan đến nhau, không chứa email, tên của bạn hay tên hệ thống.',
    'password.same_as_current': 'Mật khẩu mới phải khác mật khẩu hiện tại.',
    'password.weak.personal': 'Mật khẩu chứa email, tên của bạn hoặc tên hệ thống (thi đua, khen thưởng, UBND…).',
    'password.weak.keyboard': 'Các phím liền nhau trên bàn phím (như “qwerty”, “asdf”) rất dễ đoán.',
    'password.weak.repeat': 'Ký tự hoặc cụm ký tự lặp lại (như “aaaa”, “abcabc”) rất dễ đoán.',
    'password.weak.sequence': 'Dãy liên tiếp (như “abcd”, “1234”) rất dễ đoán.',
    'password.weak.date': 'Năm hoặc ngày tháng (như “2026”, “01/01/1990”) rất dễ đoán.',
    'password.weak.common': 'Mật khẩu này, hoặc một mật khẩu gần giống, nằm trong danh sách mật khẩu phổ biến.',
    'password.weak.words': 'Một từ hay một tên riêng đứng một mình rất dễ đoán.',
    'password.weak.guessable': 'Mật khẩu còn ngắn hoặc quá đơn giản, dễ bị đoán.',
    'auth.password_change_required':
      'Tài khoản của bạn đang dùng mật khẩu được cấp sẵn: hãy đổi mật khẩu trước khi tiếp tục.',
  },
  en: {
    'password.too_weak':
      'This password is too easy to guess. {@reason} Use several unrelated words, without your e-mail, your name or the name of the system.',
    'password.same_as_current': 'The new password must differ from the current one.',
    'password.weak.personal': 'It contains your e-mail, your name or the name of the system.',
    'password.weak.keyboard': 'Keys next to each other on the keyboard ("qwerty", "asdf") are easy to guess.',
    'password.weak.repeat': 'Repeated characters or groups ("aaaa", "abcabc") are easy to guess.',
    'password.weak.sequence': 'Sequences ("abcd", "1234") are easy to guess.',
    'password.weak.date': 'Years and dates ("2026", "01/01/1990") are easy to guess.',
    'password.weak.common': 'This password, or one very like it, is on the list of common passwords.',
    'password.weak.words': 'A single word or name on its own is easy to guess.',
    'password.weak.guessable': 'It is still short or too simple.',
    'auth.password_change_required': 'Your account still has the password it was given: change it before going on.',
  },
};
