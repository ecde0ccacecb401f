/** Row height, header height and the row-number column's width of the grid, in px. */
export const ROW_H = 36;
export const HEAD_H = 38;
export const NUM_W = 60;
