import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import { getDepartment, listDepartments } from '../../../../domain/sessions/directory.ts';
import { DepartmentSchema, presentDepartment } from '../../presenters/directory.ts';
import { IdParams } from '../../schema.ts';

const tags = ['WTS Departments'];

/** Teams as WTS departments. The list is a bare array (the WTS n8n node appends to it). */
export default async function departmentRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  for (const version of ['v1', 'v2']) {
    app.get(
      `/${version}/department`,
      { config: { policy: 'teams.read' }, schema: { tags, summary: 'List departments', response: { 200: Type.Array(DepartmentSchema) } } },
      async (request) => (await listDepartments(db, request.auth.account.id)).map((t) => presentDepartment(t, request.auth.account.uuid)),
    );
  }

  app.get(
    '/v1/department/:id',
    { config: { policy: 'teams.read' }, schema: { tags, summary: 'Show a department', params: IdParams, response: { 200: DepartmentSchema } } },
    async (request) => presentDepartment(await getDepartment(db, request.auth.account.id, request.params.id), request.auth.account.uuid),
  );
}
