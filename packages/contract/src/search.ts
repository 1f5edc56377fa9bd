/**
 * The one normalisation used for diacritics-free search, on the server (search_key columns and
 * queries) and in the browser (client-side filtering). NFD strips combining marks, but đ/Đ is a
 * letter of its own in Unicode, so it is mapped by hand.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
