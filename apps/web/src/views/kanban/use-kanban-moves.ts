import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { FieldDef } from '@formflow/schema';
import type { FormRecord } from '../../api/types.js';
import { endpoints } from '../../api/endpoints.js';
import { keys } from '../../api/query-keys.js';
import { columnOf, type KanbanColumn } from './kanban-model.js';

/** A card on its way to another column: shown there at once, until the server has said yes (or no). */
export type Move = { record: FormRecord; from: string; to: string; amount: number | null };

/**
 * Moving cards between columns: PATCHes the record's group-by value (If-Match on its version), keeps the move
 * optimistic in `moves` meanwhile, and rolls it back with `moveError` set if the server refuses.
 */
export function useKanbanMoves(formId: string, groupField: FieldDef | undefined, sumField: FieldDef | undefined) {
  const queryClient = useQueryClient();
  const [moves, setMoves] = useState<Map<string, Move>>(new Map());
  const [moveError, setMoveError] = useState<unknown>(null);

  const move = useCallback(
    async (record: FormRecord, to: KanbanColumn) => {
      if (!groupField) return;
      const from = columnOf(moves.get(record.id)?.record.data[groupField.id] ?? record.data[groupField.id]);
      if (from === to.id) return;
      const amountValue = sumField ? record.data[sumField.id] : null;
      const amount = typeof amountValue === 'number' ? amountValue : null;
      const moved: FormRecord = { ...record, data: { ...record.data, [groupField.id]: to.value } };
      setMoveError(null);
      setMoves((current) => new Map(current).set(record.id, { record: moved, from, to: to.id, amount }));
      const drop = () =>
        setMoves((current) => {
          const next = new Map(current);
          next.delete(record.id);
          return next;
        });
      try {
        await endpoints.records.update(record.id, { [groupField.id]: to.value }, record.version);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: keys.records(formId) }),
          queryClient.invalidateQueries({ queryKey: keys.record(record.id) }),
          queryClient.invalidateQueries({ queryKey: keys.history(record.id) }),
        ]);
        drop();
      } catch (error) {
        drop();
        setMoveError(error);
        void queryClient.invalidateQueries({ queryKey: keys.records(formId) });
      }
    },
    [groupField, sumField, moves, queryClient, formId],
  );

  return { moves, move, moveError, setMoveError };
}
